package dev.w2v.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** The subcommands w2v builds only when named are the ones help and completion show. */
class W2vCommandsTest {

  @Test
  void eachNameIsItsCommandsOwnName() {
    for (Map.Entry<String, Class<?>> e : W2v.COMMANDS.entrySet()) {
      assertEquals(e.getKey(), e.getValue().getAnnotation(Command.class).name());
    }
  }

  @Test
  void helpListsEveryCommandAndAMistypedOneIsStillRecognised() {
    String help = run("--help");
    for (String name : W2v.COMMANDS.keySet()) {
      assertTrue(help.contains("  " + name + " "), name + " missing from:\n" + help);
    }
    assertTrue(run("trian").contains("did you mean train?"), run("trian"));
    assertTrue(run("train", "--help").contains("Usage: w2v train"), run("train", "--help"));
  }

  private static String run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try {
      System.setOut(capture);
      System.setErr(capture);
      W2v.run(args);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
