package dev.w2v.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What word2vec C and fastText users type, typos, and shell completion, through the real jar. */
class CommandLineHabitsIT {

  @TempDir Path work;

  private W2vProcess.Result run(String... args) throws Exception {
    return W2vProcess.run(work, args);
  }

  private static void assertOneLineError(W2vProcess.Result r, String expected) {
    assertEquals(2, r.exitCode(), r.toString());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r);
    assertTrue(r.err().contains(expected), "expected '" + expected + "': " + r);
  }

  @Test
  void word2vecCsFlagsAreTranslated() throws Exception {
    assertOneLineError(
        run("train", "-size", "100"),
        "w2v: unknown option '-size' (word2vec C's); did you mean --dim 100?");
    assertOneLineError(
        run("train", "-train", "t.txt", "-cbow", "1", "-hs", "1", "-negative", "0"),
        "did you mean --trainer fast --corpus t.txt --set model=cbow --loss hs?");
    assertOneLineError(
        run("train", "-epoch", "10", "-minCount", "2", "-thread", "4"),
        "(fastText's); did you mean --trainer fast --set epochs=10 --set min-count=2 --set"
            + " threads=4?");
  }

  @Test
  void aMistypedCommandOrOptionGetsTheNearestSpelling() throws Exception {
    assertOneLineError(run("trian"), "w2v: unknown command 'trian'; did you mean train?");
    assertOneLineError(run("doesnt_match"), "did you mean doesnt-match?");
    assertOneLineError(
        run("neighbors", "--vector", "v.txt", "cat"),
        "unknown option '--vector'; did you mean --vectors?");
    assertOneLineError(
        run("frobnicate"), "unknown command 'frobnicate'; the commands are train, gradcheck");
  }

  @Test
  void bashCompletesCommandsAndOptions() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "skipped: no /bin/bash");
    W2vProcess.Result r = run("completion", "bash");
    assertEquals(0, r.exitCode(), r.toString());
    Path script = Files.writeString(work.resolve("w2v.bash"), r.out());
    assertEquals(
        "train|--positive|",
        shell(
            "/bin/bash",
            "source "
                + script
                + "; complete -p w2v >/dev/null || exit 9"
                + "; COMP_WORDS=(w2v tr); COMP_CWORD=1; _complete_w2v 2>/dev/null"
                + "; printf '%s|' \"${COMPREPLY[@]}\""
                + "; COMP_WORDS=(w2v similar --pos); COMP_CWORD=2; _complete_w2v 2>/dev/null"
                + "; printf '%s|' \"${COMPREPLY[@]}\""));
  }

  @Test
  void zshLoadsTheCompletionThroughItsBashEmulation() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/zsh")),
        "skipped: zsh is not installed (apt-get install zsh)");
    W2vProcess.Result r = run("completion", "zsh");
    assertEquals(0, r.exitCode(), r.toString());
    Path script = Files.writeString(work.resolve("w2v.zsh"), r.out());
    // zsh filters the candidates by the typed prefix itself, so all commands come back here
    String out =
        shell(
            "/usr/bin/zsh",
            "source "
                + script
                + "; print -r -- \"registered: ${_comps[w2v]}\""
                + "; emulate sh; COMP_WORDS=(w2v tr); COMP_CWORD=1; _complete_w2v 2>/dev/null"
                + "; echo \"${COMPREPLY[@]}\"");
    assertTrue(out.contains("registered: _bash_complete -F _complete_w2v"), out);
    assertTrue(out.contains("train gradcheck plugins"), out);
  }

  @Test
  void anUnknownShellIsAUserError() throws Exception {
    assertOneLineError(run("completion", "fish"), "expected one of [bash, zsh]");
  }

  private String shell(String shell, String script) throws Exception {
    // no start-up files of the machine's user: only the script under test
    List<String> command =
        shell.endsWith("zsh")
            ? List.of(shell, "-f", "-c", script)
            : List.of(shell, "--norc", "--noprofile", "-c", script);
    Process p =
        new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the shell did not finish");
    assertEquals(0, p.exitValue(), out);
    return out.strip();
  }
}
