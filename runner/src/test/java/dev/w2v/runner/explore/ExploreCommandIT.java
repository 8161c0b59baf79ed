package dev.w2v.runner.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.w2v.runner.W2vProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code w2v explore} from the packaged jar: its API against the query commands, its errors. */
class ExploreCommandIT {

  @TempDir static Path work;
  static Path vectors;
  static Path runFolder;
  static ExplorerProcess explorer;

  @BeforeAll
  static void start() throws Exception {
    // Hand-made words with known answers, then 300 random ones so that rankings are not trivial.
    vectors = work.resolve("v.txt");
    SplittableRandom random = new SplittableRandom(1);
    List<String> lines = new ArrayList<>();
    lines.add("king 1 1 0" + " 0".repeat(13));
    lines.add("queen 1 0 1" + " 0".repeat(13));
    lines.add("man 0 1 0" + " 0".repeat(13));
    lines.add("woman 0 0 1" + " 0".repeat(13));
    lines.add("cat -1 0.1 0" + " 0".repeat(13));
    lines.add("kitten -1 0.2 0" + " 0".repeat(13));
    for (int i = 0; i < 300; i++) {
      StringBuilder line = new StringBuilder("w" + i);
      for (int j = 0; j < 16; j++) {
        line.append(String.format(Locale.ROOT, " %.6f", random.nextGaussian()));
      }
      lines.add(line.toString());
    }
    Files.writeString(
        vectors, lines.size() + " 16\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);

    // A run folder as the fast trainer leaves it: metrics by another header, an evaluation, and
    // a file that must never be served.
    runFolder = Files.createDirectories(work.resolve("run"));
    StringBuilder metrics = new StringBuilder("words,loss\n");
    for (int i = 1; i <= 50; i++) {
      metrics.append(i * 1000).append(',').append(5.0 / i).append('\n');
    }
    metrics.append("51000,");
    Files.writeString(runFolder.resolve("metrics.csv"), metrics.toString());
    Path questions = Files.writeString(work.resolve("q.txt"), ": family\nman king woman queen\n");
    W2vProcess.Result evaluation =
        W2vProcess.run(
            work,
            "evaluate",
            "--vectors",
            vectors.toString(),
            "--analogies",
            questions.toString(),
            "--json");
    assertEquals(0, evaluation.exitCode(), evaluation.toString());
    Files.writeString(runFolder.resolve("evaluation.json"), evaluation.out());
    Files.copy(vectors, runFolder.resolve("vectors.txt"));
    Files.writeString(runFolder.resolve("secret.txt"), "do not serve me");

    explorer =
        ExplorerProcess.start(
            work, "--vectors", vectors.toString(), "--run", runFolder.toString(), "--port", "0");
  }

  @AfterAll
  static void stop() throws Exception {
    if (explorer != null) {
      explorer.close();
    }
  }

  @Test
  void listensOnLoopbackOnlyAndPrintsTheRealPort() throws Exception {
    assertEquals("127.0.0.1", explorer.url().getHost(), explorer.stdout());
    int port = explorer.url().getPort();
    assertTrue(port > 0, explorer.url().toString());
    assertTrue(explorer.stdout().contains("306 words, dim 16"), explorer.stdout());
    assertEquals("", explorer.stderr().replaceAll("(?m)^WARNING: Using incubator.*\\R", ""));
    if (Listening.available()) {
      List<String> addresses = Listening.addresses(port);
      assertFalse(addresses.isEmpty(), "nothing listens on " + port);
      assertTrue(addresses.stream().allMatch(Listening::isLoopback), addresses.toString());
    }
    ExplorerProcess.Response page = explorer.get("/");
    assertEquals(200, page.status());
    assertTrue(page.body().contains("<title>w2v explore</title>"), page.body());
    assertTrue(page.headers().firstValue("Content-Security-Policy").isPresent());
    ExplorerProcess.Response script = explorer.get("/explore.js");
    assertEquals(200, script.status());
    assertTrue(
        script.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
    // the page loads nothing from elsewhere: every script, style and picture is the server's own
    for (String asset : List.of(page.body(), script.body(), explorer.get("/explore.css").body())) {
      assertFalse(asset.matches("(?s).*(src|href)=\"(https?:)?//.*"), "an asset from elsewhere");
      assertFalse(asset.contains("@import"), "a style from elsewhere");
    }
  }

  /** The CLI's table: rank, word, similarity to 4 decimals. */
  private static List<String> cliRows(String out) {
    List<String> rows = new ArrayList<>();
    for (String line : out.strip().split("\n")) {
      String[] f = line.strip().split("\\s+");
      rows.add(f[1] + " " + f[2]);
    }
    return rows;
  }

  private static List<String> apiRows(JsonNode list) {
    List<String> rows = new ArrayList<>();
    for (JsonNode n : list) {
      rows.add(
          n.get("word").asText()
              + " "
              + String.format(Locale.ROOT, "%.4f", n.get("similarity").asDouble()));
    }
    return rows;
  }

  @Test
  void neighborsAnswerAsTheNeighborsCommandDoes() throws Exception {
    for (String word : List.of("king", "cat", "w5", "w123")) {
      for (int k : new int[] {1, 7, 25}) {
        W2vProcess.Result cli =
            W2vProcess.run(work, "neighbors", "--vectors", vectors.toString(), word, "-k", "" + k);
        assertEquals(0, cli.exitCode(), cli.toString());
        ExplorerProcess.Response api = explorer.get("/api/neighbors?word=" + word + "&k=" + k);
        assertEquals(200, api.status(), api.body());
        assertEquals(word, api.json().get("word").asText());
        assertEquals(k, api.json().get("neighbors").size());
        assertEquals(cliRows(cli.out()), apiRows(api.json().get("neighbors")), word + " k=" + k);
      }
    }
  }

  @Test
  void analogiesAndWordListsAnswerAsTheAnalogyCommandDoes() throws Exception {
    for (List<String> abc :
        List.of(
            List.of("man", "king", "woman"),
            List.of("w1", "w2", "w3"),
            List.of("cat", "kitten", "w9"))) {
      W2vProcess.Result cli =
          W2vProcess.run(
              work,
              "analogy",
              "--vectors",
              vectors.toString(),
              abc.get(0),
              abc.get(1),
              abc.get(2),
              "-k",
              "5");
      assertEquals(0, cli.exitCode(), cli.toString());
      ExplorerProcess.Response api =
          explorer.get(
              "/api/analogy?a=" + abc.get(0) + "&b=" + abc.get(1) + "&c=" + abc.get(2) + "&k=5");
      assertEquals(200, api.status(), api.body());
      assertEquals(cliRows(cli.out()), apiRows(api.json().get("answers")), abc.toString());
      // b - a + c is the word list "b, c" less "a"
      ExplorerProcess.Response lists =
          explorer.get(
              "/api/similar?positive="
                  + abc.get(1)
                  + ","
                  + abc.get(2)
                  + "&negative="
                  + abc.get(0)
                  + "&k=5");
      assertEquals(200, lists.status(), lists.body());
      assertEquals(cliRows(cli.out()), apiRows(lists.json().get("neighbors")), abc.toString());
    }
    assertEquals(
        "queen",
        explorer
            .get("/api/analogy?a=man&b=king&c=woman&k=1")
            .json()
            .at("/answers/0/word")
            .asText());
  }

  @Test
  void mapsPlaceEveryWordOnceAndTheSameWordsTheSameWay() throws Exception {
    for (String method : List.of("pca", "tsne")) {
      ExplorerProcess.Response map =
          explorer.get("/api/projection?words=king,queen,man,woman,w1,w2,king&method=" + method);
      assertEquals(200, map.status(), map.body());
      assertEquals(method, map.json().get("method").asText());
      JsonNode points = map.json().get("points");
      assertEquals(6, points.size(), "a repeated word is placed once: " + map.body());
      assertEquals("king", points.get(0).get("word").asText());
      for (JsonNode p : points) {
        assertTrue(
            Double.isFinite(p.get("x").asDouble()) && Double.isFinite(p.get("y").asDouble()));
      }
      assertEquals(
          map.body(),
          explorer
              .get("/api/projection?words=king,queen,man,woman,w1,w2,king&method=" + method)
              .body());
    }
    ExplorerProcess.Response hood = explorer.get("/api/neighborhood?word=cat&k=20&method=tsne");
    assertEquals(200, hood.status(), hood.body());
    JsonNode points = hood.json().get("points");
    assertEquals(21, points.size());
    assertEquals("cat", points.get(0).get("word").asText());
    assertEquals("kitten", points.get(1).get("word").asText());
    assertTrue(hood.json().get("perplexity").asDouble() < 30, "lowered for 21 words");
    // 1000 words is the most a map takes
    StringBuilder many = new StringBuilder("w0");
    for (int i = 1; i < 300; i++) {
      many.append(',').append('w').append(i);
    }
    assertEquals(200, explorer.get("/api/projection?words=" + many).status());
  }

  @Test
  void completionIsCaseInsensitiveAndMostFrequentFirst() throws Exception {
    JsonNode words = explorer.get("/api/complete?prefix=K&limit=5").json().get("words");
    assertEquals(List.of("king", "kitten"), asTexts(words));
    JsonNode w1 = explorer.get("/api/complete?prefix=w1&limit=3").json().get("words");
    assertEquals(List.of("w1", "w10", "w11"), asTexts(w1));
  }

  private static List<String> asTexts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static void assertError(
      String request, int status, String messagePart, List<String> suggestions) throws Exception {
    ExplorerProcess.Response r = explorer.get(request);
    assertEquals(status, r.status(), request + " -> " + r.body());
    assertNotNull(r.json(), "a JSON body: " + r.body());
    assertTrue(r.json().get("error").asText().contains(messagePart), request + " -> " + r.body());
    assertEquals(status, r.json().get("status").asInt());
    List<String> got = asTexts(r.json().get("suggestions"));
    assertTrue(got.containsAll(suggestions), request + " suggests " + got);
  }

  @Test
  void badRequestsGetA4xxWithAJsonErrorAndSuggestions() throws Exception {
    assertError("/api/neighbors?word=kitchen", 404, "unknown word 'kitchen'", List.of("kitten"));
    assertError(
        "/api/neighbors?word=cat&k=0", 400, "k must be an integer from 1 to 1000", List.of());
    assertError("/api/neighbors?word=cat&k=1001", 400, "from 1 to 1000", List.of());
    assertError("/api/neighbors?word=cat&k=ten", 400, "got 'ten'", List.of());
    assertError("/api/neighbors", 400, "missing parameter 'word'", List.of());
    assertError("/api/neighbors?word=cat&kk=3", 400, "unknown parameter 'kk'", List.of("k"));
    assertError("/api/analogy?a=man&b=king", 400, "missing parameter 'c'", List.of());
    assertError("/api/analogy?a=man&b=kng&c=woman", 404, "unknown word 'kng'", List.of("king"));
    assertError("/api/similar?k=3", 400, "missing parameter 'positive'", List.of());
    assertError("/api/projection", 400, "missing parameter 'words'", List.of());
    assertError(
        "/api/projection?words=king,x&method=umap", 400, "pca or tsne", List.of("pca", "tsne"));
    assertError("/api/neighbours?word=cat", 404, "no such API endpoint", List.of("/api/neighbors"));
    // not a URI at all: the JDK's server refuses it before the explorer sees it, still a 400
    String malformed = raw("/api/neighbors?word=%ZZ", "127.0.0.1");
    assertEquals(400, status(malformed), malformed);
    // a URI, but not UTF-8: the explorer's own JSON error
    assertError("/api/neighbors?word=%E2%82", 400, "malformed query string", List.of());
    StringBuilder tooMany = new StringBuilder("w0");
    for (int i = 1; i <= 1000; i++) {
      tooMany.append(',').append('w').append(i % 300);
    }
    assertError("/api/projection?words=" + tooMany, 400, "at most 1000 words", List.of());
    ExplorerProcess.Response unknown = explorer.get("/api/projection?words=king,qeen,wman");
    assertEquals(404, unknown.status());
    assertEquals(2, unknown.json().get("unknown").size(), unknown.body());
    assertEquals("qeen", unknown.json().at("/unknown/0/word").asText());
    assertTrue(asTexts(unknown.json().at("/unknown/0/suggestions")).contains("queen"));
    assertTrue(asTexts(unknown.json().at("/unknown/1/suggestions")).contains("woman"));
    assertError("/api/neighborhood?word=cat&k=1000", 400, "from 1 to 999", List.of());
  }

  /** A raw HTTP/1.1 request, so that nothing on the client side normalises the target. */
  private static String raw(String target, String host) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), explorer.url().getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static int status(String response) {
    return Integer.parseInt(response.substring(9, 12));
  }

  @Test
  void noRequestReadsAFile() throws Exception {
    String host = "127.0.0.1:" + explorer.url().getPort();
    for (String target :
        List.of(
            "/../../../../etc/passwd",
            "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
            "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
            "/..%2f..%2f..%2fetc%2fpasswd",
            "/%252e%252e/etc/passwd",
            "//etc/passwd",
            "/explore.js/../../../pom.xml",
            "/api/../../pom.xml",
            "/api/info/../../../../etc/passwd",
            "/run/secret.txt",
            "/run/vectors.txt",
            "/run/../secret.txt",
            "/run/%2e%2e/secret.txt",
            "/run/..%2fsecret.txt",
            "/run/loss.png/../secret.txt",
            "/run/loss.png",
            "/dev/w2v/runner/explore/explore.js",
            "/index.html",
            "/W2v.class",
            "/dev/w2v/runner/W2v.class",
            "/META-INF/MANIFEST.MF",
            "/C:/Windows/win.ini",
            "/\\..\\..\\etc\\passwd")) {
      String response = raw(target, host);
      int status = status(response);
      assertTrue(status >= 400 && status < 500, target + " -> " + response);
      for (String secret :
          List.of("root:", "do not serve me", "king 1 1 0", "<project", "Main-Class")) {
        assertFalse(response.contains(secret), target + " leaked " + secret + ": " + response);
      }
    }
  }

  @Test
  void requestsToOtherHostNamesAreRefusedAndOnlyGetIsAllowed() throws Exception {
    String ok = raw("/api/info", "localhost:" + explorer.url().getPort());
    assertEquals(200, status(ok), ok);
    String rebound = raw("/api/info", "attacker.example:" + explorer.url().getPort());
    assertEquals(403, status(rebound), rebound);
    assertTrue(rebound.contains("DNS rebinding"), rebound);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), explorer.url().getPort())) {
      socket
          .getOutputStream()
          .write(
              ("POST /api/info HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n"
                      + "Connection: close\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(405, status(response), response);
      assertTrue(response.contains("Allow: GET, HEAD"), response);
    }
    String tooLong = raw("/api/neighbors?word=" + "a".repeat(70_000), "127.0.0.1");
    assertTrue(status(tooLong) == 414 || status(tooLong) == 400, tooLong.substring(0, 100));
  }

  @Test
  void theRunShowsItsLossByItsHeaderAndItsEvaluation() throws Exception {
    ExplorerProcess.Response run = explorer.get("/api/run");
    assertEquals(200, run.status(), run.body());
    JsonNode metrics = run.json().get("metrics");
    assertEquals("words", metrics.get("x").asText());
    assertEquals("loss", metrics.get("loss").asText());
    assertTrue(metrics.get("learningRate").isNull());
    assertEquals(50, metrics.get("rows").asInt());
    assertEquals(1, metrics.get("skippedLines").asInt(), "the torn last line");
    assertEquals(1000, metrics.at("/points/0/0").asDouble());
    assertEquals(5.0, metrics.at("/points/0/1").asDouble());
    assertEquals(
        1, run.json().at("/evaluation/analogies/result/total/correct").asInt(), run.body());
    List<String> present = asTexts(run.json().get("present"));
    assertTrue(present.containsAll(List.of("vectors.txt", "metrics.csv", "evaluation.json")));
    assertTrue(run.json().get("missing").isEmpty(), run.body());
    assertTrue(run.json().get("pictures").isEmpty(), "no pictures in this folder");
  }

  @Test
  void aHostBeyondLoopbackWarnsThatAnyoneMayQuery() throws Exception {
    try (ExplorerProcess open =
        ExplorerProcess.start(
            work, "--vectors", vectors.toString(), "--host", "0.0.0.0", "--port", "0")) {
      assertTrue(
          open.stderr().contains("warning: listening on 0.0.0.0")
              && open.stderr().contains("anyone who can reach port " + open.url().getPort()),
          open.stderr());
      assertEquals("127.0.0.1", open.url().getHost(), "the printed address works from here");
      assertEquals(200, open.get("/api/info").status());
    }
  }

  @Test
  void ctrlCStopsTheServerCleanly() throws Exception {
    assumeFalse(
        ExplorerProcess.sigintIgnored(),
        "this JVM ignores SIGINT (started in the background by a non-interactive shell), so its"
            + " children would too: run the build in the foreground to test Ctrl-C");
    ExplorerProcess short_ =
        ExplorerProcess.start(work, "--vectors", vectors.toString(), "--port", "0");
    int port = short_.url().getPort();
    assertEquals(200, short_.get("/api/info").status());
    int exit = short_.interrupt();
    assertEquals(130, exit, "the status of a process ended by SIGINT");
    assertTrue(short_.stderr().contains("w2v: explorer stopped"), short_.stderr());
    assertThrows(
        ConnectException.class,
        () -> new Socket(InetAddress.getLoopbackAddress(), port).close(),
        "the port is closed");
    short_.close();
  }

  @Test
  void userErrorsEndWithOneLineAndStatus2() throws Exception {
    W2vProcess.Result missing =
        W2vProcess.run(work, "explore", "--vectors", "nope.txt", "--port", "0");
    assertEquals(2, missing.exitCode(), missing.toString());
    assertTrue(missing.err().contains("nope.txt does not exist"), missing.toString());

    W2vProcess.Result badRun =
        W2vProcess.run(
            work, "explore", "--vectors", vectors.toString(), "--run", "no-run", "--port", "0");
    assertEquals(2, badRun.exitCode(), badRun.toString());
    assertTrue(badRun.err().contains("run folder no-run does not exist"), badRun.toString());

    W2vProcess.Result badPort =
        W2vProcess.run(work, "explore", "--vectors", vectors.toString(), "--port", "70000");
    assertEquals(2, badPort.exitCode(), badPort.toString());
    assertTrue(badPort.err().contains("--port must be from 0 to 65535"), badPort.toString());

    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      W2vProcess.Result busy =
          W2vProcess.run(
              work,
              "explore",
              "--vectors",
              vectors.toString(),
              "--port",
              "" + taken.getLocalPort());
      assertEquals(2, busy.exitCode(), busy.toString());
      assertTrue(
          busy.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort())
              && busy.err().contains("--port 0"),
          busy.toString());
      assertEquals(1, busy.err().strip().lines().count(), busy.toString());
    }
  }
}
