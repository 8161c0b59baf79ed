package dev.w2v.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.w2v.core.W2vException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingTest {

  @Test
  void aNumberOutsideItsRangeIsAUserErrorNamingTheKeyAndTheRange() {
    Setting threads = Setting.integer("threads", 0, 0, 8, "training threads");
    Settings settings = mock(Settings.class);
    when(settings.getInt("threads")).thenReturn(10_000);
    W2vException e = assertThrows(W2vException.class, () -> threads.intValue(settings));
    assertEquals(
        "configuration key 'threads' must be between 0 and 8, but is 10000", e.getMessage());
    when(settings.getInt("threads")).thenReturn(8);
    assertEquals(8, threads.intValue(settings));
  }

  @Test
  void openRangesReadAsEnglish() {
    assertEquals("at least 1", Setting.integer("dim", 1, 1, Integer.MAX_VALUE, "d").range());
    assertEquals(
        "positive", Setting.real("lr", 1, Double.MIN_VALUE, Double.MAX_VALUE, "lr").range());
    assertEquals("at least 0.0", Setting.real("s", 1, 0, Double.MAX_VALUE, "s").range());
  }

  @Test
  void aChoiceAcceptsItsValuesInAnyCaseAndNamesThemOtherwise() {
    Setting model = Setting.choice("model", "skipgram", List.of("skipgram", "cbow"), "m");
    Settings settings = mock(Settings.class);
    when(settings.getString("model")).thenReturn(" CBOW ");
    assertEquals("cbow", model.stringValue(settings));
    when(settings.getString("model")).thenReturn("glove");
    W2vException e = assertThrows(W2vException.class, () -> model.stringValue(settings));
    assertTrue(e.getMessage().contains("skipgram or cbow, but is 'glove'"), e.getMessage());
  }

  @Test
  void declarationsAreChecked() {
    assertThrows(
        IllegalArgumentException.class, () -> Setting.string("Not a key", "", "description"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Setting.choice("model", "glove", List.of("skipgram"), "m"));
  }
}
