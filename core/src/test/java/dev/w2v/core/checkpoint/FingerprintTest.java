package dev.w2v.core.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintTest {

  private static Fingerprint of(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return Fingerprint.of(m);
  }

  @Test
  void roundTripsThroughItsText() {
    Fingerprint f = of("trainer", "fast", "lr", 0.025, "loss", "negsampling{k=5} unigram{}");
    assertEquals(f, Fingerprint.parse(f.text()));
    assertEquals(List.of(), f.differences(Fingerprint.parse(f.text())));
  }

  @Test
  void namesEachSettingThatDiffersWithBothValues() {
    Fingerprint checkpoint = of("dim", 100, "lr", 0.025, "seed", 1);
    Fingerprint run = of("dim", 100, "lr", 0.05, "threads", 2);
    assertEquals(
        List.of(
            "lr was 0.025 in the checkpoint and is 0.05 now",
            "seed was 1 in the checkpoint and is not set now",
            "threads is 2 now but absent from the checkpoint"),
        checkpoint.differences(run));
  }
}
