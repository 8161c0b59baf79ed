import java.util.Arrays;

/**
 * How long one cache line takes to travel between two cores and back, in nanoseconds.
 *
 * <p>Hogwild training shares its matrices between threads, so its two-thread speed depends on this
 * figure far more than a single thread's does. On a VM it changes from run to run with where the
 * host puts the virtual CPUs: about 60 ns when they share a cache, 350 ns when they do not
 * (bench/README.md). bench/peers.sh prints it next to every multi-threaded run.
 *
 * <p>Run with {@code java bench/CoreLatency.java [ROUND_TRIPS]}; prints {@code round trip N ns}.
 */
public final class CoreLatency {

  /** Whose turn it is: 1 for the echoing thread, 0 for the timing thread. */
  private static volatile int turn;

  public static void main(String[] args) throws InterruptedException {
    int trips = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    double[] nanos = new double[5];
    for (int rep = 0; rep < nanos.length; rep++) {
      nanos[rep] = measure(trips);
    }
    // The first repetitions include compilation; the median of five is stable to a few ns.
    Arrays.sort(nanos);
    System.out.printf("round trip %.0f ns%n", nanos[nanos.length / 2]);
  }

  private static double measure(int trips) throws InterruptedException {
    turn = 0;
    Thread echo =
        new Thread(
            () -> {
              for (int i = 0; i < trips; i++) {
                while (turn != 1) {
                  Thread.onSpinWait();
                }
                turn = 0;
              }
            });
    echo.setDaemon(true);
    echo.start();
    long start = System.nanoTime();
    for (int i = 0; i < trips; i++) {
      turn = 1;
      while (turn != 0) {
        Thread.onSpinWait();
      }
    }
    long elapsed = System.nanoTime() - start;
    echo.join();
    return elapsed / (double) trips;
  }
}
