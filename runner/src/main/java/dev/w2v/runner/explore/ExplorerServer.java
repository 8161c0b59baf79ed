package dev.w2v.runner.explore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.w2v.core.W2vException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The explorer's HTTP server: the page (its HTML, script and style, all resources of this jar), the
 * JSON API of {@link ExplorerApi}, and the run's two pictures.
 *
 * <p>It is the JDK's own {@code com.sun.net.httpserver} server, not Jetty or Javalin: the explorer
 * answers one person's small GET requests on their own machine, which the JDK's server does with no
 * dependency at all, so w2v.jar stays as it was and there is no servlet stack whose versions must
 * converge with ours. What a framework would add (TLS, HTTP/2, sessions) the page does not use.
 *
 * <p>Safety: only paths in a fixed table are served, matched on the raw path before any decoding,
 * so no request (encoded or not) names a file; only GET and HEAD; request targets of at most
 * {@value #MAX_TARGET} characters; responses of at most {@value #MAX_RESPONSE} bytes. Bound to a
 * loopback address, it answers only requests whose {@code Host} is a loopback name, which keeps a
 * web page from reaching it through DNS rebinding.
 */
public final class ExplorerServer implements AutoCloseable {

  static final int MAX_TARGET = 64 * 1024;
  static final int MAX_RESPONSE = 16 << 20;
  private static final int THREADS = 4;
  private static final String ASSETS = "/dev/w2v/runner/explore/";

  private static final Map<String, String> PAGES =
      Map.of(
          "/", "index.html",
          "/explore.js", "explore.js",
          "/explore.css", "explore.css",
          "/favicon.svg", "favicon.svg");

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png");

  /** The page runs its own script and style only and talks only to this server. */
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private final ExplorerApi api;
  private final ObjectMapper json;
  private final HttpServer server;
  private final ExecutorService executor;
  private final boolean loopback;
  private final String host;
  private final PrintWriter log;
  private final Map<String, byte[]> assets;

  private ExplorerServer(
      ExplorerApi api,
      ObjectMapper json,
      HttpServer server,
      ExecutorService executor,
      boolean loopback,
      String host,
      PrintWriter log) {
    this.api = api;
    this.json = json;
    this.server = server;
    this.executor = executor;
    this.loopback = loopback;
    this.host = host;
    this.log = log;
    this.assets = loadAssets();
  }

  /**
   * Listens on {@code host}:{@code port} (0: any free port) and starts serving.
   *
   * @param log where internal errors of requests are reported
   * @throws W2vException if the address cannot be used
   */
  public static ExplorerServer start(
      ExplorerApi api, ObjectMapper json, String host, int port, PrintWriter log) {
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new W2vException("unknown host '" + host + "' for --host: give a name or an address");
    }
    // The JDK's server writes a response's headers and body in two segments; with Nagle's
    // algorithm on, the body waits for the client's delayed ACK, about 40 ms on every answer.
    // The property is read once, when the server's implementation loads, hence here.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(address, port), 64);
    } catch (BindException e) {
      throw new W2vException(
          "cannot listen on "
              + host
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "): choose another port with --port N, or --port 0 for any free one");
    } catch (IOException e) {
      throw new W2vException("cannot listen on " + host + ":" + port + ": " + e.getMessage());
    }
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread t = new Thread(r, "w2v-explore-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    ExplorerServer explorer =
        new ExplorerServer(api, json, server, executor, address.isLoopbackAddress(), host, log);
    server.createContext("/", explorer::handle);
    server.setExecutor(executor);
    server.start();
    return explorer;
  }

  /** The port listened on (the real one when 0 was asked for). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The address listened on. */
  public InetAddress address() {
    return server.getAddress().getAddress();
  }

  /** Whether only this machine can connect. */
  public boolean loopbackOnly() {
    return loopback;
  }

  /** The page's address; on a wildcard address (all interfaces), the loopback one. */
  public URI url() {
    InetAddress a = address();
    String shown;
    if (a.isAnyLocalAddress()) {
      shown = "127.0.0.1";
    } else if (a instanceof Inet6Address) {
      shown = "[" + a.getHostAddress().replaceFirst("%.*$", "") + "]";
    } else {
      shown = a.getHostAddress();
    }
    return URI.create("http://" + shown + ":" + port() + "/");
  }

  /** Stops listening, lets requests in progress finish for up to a second, and stops threads. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdown();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Map<String, byte[]> loadAssets() {
    Map<String, byte[]> out = new java.util.HashMap<>();
    for (String name : PAGES.values()) {
      try (InputStream in = ExplorerServer.class.getResourceAsStream(ASSETS + name)) {
        if (in == null) {
          throw new IllegalStateException("the explorer's " + name + " is missing from the jar");
        }
        out.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private void handle(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    try (exchange) {
      String method = exchange.getRequestMethod();
      URI uri = exchange.getRequestURI();
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      try {
        if (!method.equals("HEAD") && !method.equals("GET")) {
          exchange.getResponseHeaders().set("Allow", "GET, HEAD");
          throw new ApiException(405, "method " + method + " is not allowed: use GET");
        }
        if (uri.toString().length() > MAX_TARGET) {
          throw new ApiException(
              414, "the request is longer than " + MAX_TARGET + " characters; ask for fewer words");
        }
        checkHost(exchange.getRequestHeaders());
        if (path.startsWith("/api/")) {
          send(exchange, 200, "application/json", json(api.answer(path, uri.getRawQuery())), start);
        } else if (PAGES.containsKey(path)) {
          String name = PAGES.get(path);
          send(exchange, 200, type(name), assets.get(name), start);
        } else if (path.startsWith("/run/")) {
          sendPicture(exchange, path.substring("/run/".length()), start);
        } else {
          throw new ApiException(
              404, "no such page: " + truncate(path) + "; the explorer is at /", List.of("/"));
        }
      } catch (ApiException e) {
        send(exchange, e.status(), "application/json", json(e.body()), start);
      } catch (RuntimeException e) {
        synchronized (log) {
          log.println("w2v: internal error answering " + truncate(uri.toString()) + ": " + e);
          e.printStackTrace(log);
          log.flush();
        }
        ApiException internal =
            new ApiException(500, "internal error: " + e + " (please report it)");
        send(exchange, 500, "application/json", json(internal.body()), start);
      }
    }
  }

  private void checkHost(Headers headers) {
    if (!loopback) {
      return; // the user chose to be reachable by any name (--host)
    }
    String value = headers.getFirst("Host");
    if (value == null) {
      return; // HTTP/1.0 without Host: not a browser, so not a rebinding page
    }
    String name = value.strip().toLowerCase(Locale.ROOT);
    if (name.startsWith("[")) {
      name = name.substring(0, Math.max(1, name.indexOf(']') + 1));
    } else if (name.indexOf(':') >= 0) {
      name = name.substring(0, name.indexOf(':'));
    }
    boolean allowed =
        name.equals("localhost")
            || name.equals("[::1]")
            || name.matches("127(\\.\\d{1,3}){3}")
            || name.equals(host.toLowerCase(Locale.ROOT));
    if (!allowed) {
      throw new ApiException(
          403,
          "this explorer answers only requests to localhost or 127.0.0.1, not to '"
              + truncate(value)
              + "' (a guard against DNS rebinding); start it with --host to serve other names");
    }
  }

  private void sendPicture(HttpExchange exchange, String name, long start) throws IOException {
    TrainingRun run = api.trainingRun();
    Path file = run == null ? null : run.picture(name);
    if (file == null) {
      throw new ApiException(
          404,
          run == null
              ? "no training run: start w2v explore with --run DIR"
              : "no such picture: "
                  + truncate(name)
                  + "; a run may have "
                  + String.join(", ", TrainingRun.PICTURES),
          run == null ? List.of() : TrainingRun.PICTURES);
    }
    if (Files.size(file) > MAX_RESPONSE) {
      throw new ApiException(404, name + " is larger than " + (MAX_RESPONSE >> 20) + " MB");
    }
    send(exchange, 200, "image/png", Files.readAllBytes(file), start);
  }

  private byte[] json(Object value) {
    try {
      byte[] body = json.writeValueAsBytes(value);
      if (body.length > MAX_RESPONSE) {
        throw new ApiException(
            413, "the answer would exceed " + (MAX_RESPONSE >> 20) + " MB; ask for fewer words");
      }
      return body;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  private static String type(String name) {
    return TYPES.get(name.substring(name.lastIndexOf('.') + 1));
  }

  private static String truncate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body, long start)
      throws IOException {
    Headers h = exchange.getResponseHeaders();
    h.set("Content-Type", type);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "no-referrer");
    h.set("Cross-Origin-Resource-Policy", "same-origin");
    h.set("Cache-Control", type.startsWith("text/") ? "no-cache" : "no-store");
    if (type.startsWith("text/html")) {
      h.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      h.set("X-Frame-Options", "DENY");
    }
    // How long the answer took inside the server, for the browser's developer tools and
    // bench/explore-speed.sh.
    h.set(
        "Server-Timing",
        String.format(Locale.ROOT, "app;dur=%.2f", (System.nanoTime() - start) / 1e6));
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
