package dev.w2v.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametersTest {

  private static final List<ParameterSpec> SPECS =
      List.of(
          ParameterSpec.integer("k", 10, "negatives"),
          ParameterSpec.real("power", 0.75, "exponent"),
          ParameterSpec.bool("shared", false, "flag"));

  @Test
  void fillsDefaultsAndReadsStringsNumbersAndBooleans() {
    Parameters p = Parameters.resolve("x", SPECS, Map.of("k", "5", "shared", true));
    assertEquals(5, p.getInt("k"));
    assertEquals(0.75, p.getDouble("power"));
    assertEquals(true, p.getBoolean("shared"));
    assertEquals(3.0, Parameters.resolve("x", SPECS, Map.of("power", 3)).getDouble("power"));
    assertEquals(7, Parameters.resolve("x", SPECS, Map.of("k", 7.0)).getInt("k"));
  }

  @Test
  void anUnknownKeyNamesItselfAndWhatIsAccepted() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Parameters.resolve("x", SPECS, Map.of("kk", "1")));
    assertEquals("unknown parameter 'x.kk': it accepts k, power, shared", e.getMessage());
  }

  @Test
  void aValueOfTheWrongTypeNamesTheKeyAndTheExpectedType() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Parameters.resolve("x", SPECS, Map.of("k", "ten")));
    assertEquals("parameter 'x.k' must be an integer, but is 'ten'", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> Parameters.resolve("x", SPECS, Map.of("k", 2.5)));
    assertEquals("parameter 'x.k' must be an integer, but is '2.5'", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Parameters.resolve("x", SPECS, Map.of("shared", "yes")));
    assertEquals("parameter 'x.shared' must be true or false, but is 'yes'", e.getMessage());
  }

  @Test
  void specsRejectBadNamesAndDefaultsOfTheWrongType() {
    assertThrows(IllegalArgumentException.class, () -> ParameterSpec.integer("K", 1, ""));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ParameterSpec("k", ParameterType.INTEGER, "x", ""));
  }

  @Test
  void readingAsTheWrongTypeFails() {
    Parameters p = Parameters.defaults("x", SPECS);
    assertThrows(IllegalArgumentException.class, () -> p.getInt("power"));
    assertThrows(IllegalArgumentException.class, () -> p.getInt("missing"));
  }
}
