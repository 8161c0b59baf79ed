package dev.w2v.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.api.LossProvider;
import dev.w2v.core.W2vException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {

  /**
   * A loader that sees one folder's service files (not the class path's, which has the real
   * losses), and the test classes through its parent.
   */
  private static ClassLoader services(String folder) {
    URL url = ProviderRegistryTest.class.getResource("/registry/" + folder + "/");
    return new URLClassLoader(new URL[] {url}, ProviderRegistryTest.class.getClassLoader()) {
      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        return findResources(name);
      }
    };
  }

  private static ProviderRegistry<LossProvider> load(String... folders) {
    return ProviderRegistry.load(
        LossProvider.class,
        "loss",
        java.util.Arrays.stream(folders).map(ProviderRegistryTest::services).toList());
  }

  @Test
  void findsProvidersByName() {
    ProviderRegistry<LossProvider> registry = load("ok");
    assertEquals(List.of("alpha", "beta-2"), List.copyOf(registry.names()));
    assertInstanceOf(TestProviders.Alpha.class, registry.get("alpha"));
    assertEquals(ProviderRegistry.BUILT_IN, registry.entries().get(0).origin());
  }

  @Test
  void anUnknownNameListsTheKindTheNameAndEveryNameAvailable() {
    UnknownProviderException e =
        assertThrows(UnknownProviderException.class, () -> load("ok").get("gamma"));
    assertEquals("unknown loss 'gamma'; available: alpha, beta-2", e.getMessage());
  }

  @Test
  void anEmptyRegistrySaysNothingWasFound() {
    UnknownProviderException e =
        assertThrows(UnknownProviderException.class, () -> load().get("alpha"));
    assertTrue(e.getMessage().contains("no loss providers were found"), e.getMessage());
  }

  @Test
  void twoProvidersWithOneNameAreAnErrorNamingBothClasses() {
    W2vException e = assertThrows(W2vException.class, () -> load("dup"));
    assertTrue(e.getMessage().startsWith("two loss providers are named 'alpha': "), e.getMessage());
    assertTrue(e.getMessage().contains(TestProviders.Alpha.class.getName()), e.getMessage());
    assertTrue(e.getMessage().contains(TestProviders.AnotherAlpha.class.getName()), e.getMessage());
  }

  @Test
  void theSameClassSeenThroughTwoLoadersCountsOnce() {
    ProviderRegistry<LossProvider> registry = load("ok", "ok");
    assertEquals(2, registry.entries().size());
  }

  @Test
  void anInvalidNameIsRejected() {
    W2vException e = assertThrows(W2vException.class, () -> load("badname"));
    assertTrue(e.getMessage().contains("invalid name 'Bad_Name'"), e.getMessage());
    assertTrue(e.getMessage().contains("[a-z0-9][a-z0-9-]*"), e.getMessage());
  }

  @Test
  void aBrokenServiceEntryIsReportedAndTheOthersStillLoad() {
    ProviderRegistry<LossProvider> registry = load("broken");
    assertEquals(List.of("alpha"), List.copyOf(registry.names()));
    assertEquals(1, registry.problems().size());
    assertTrue(registry.problems().get(0).contains("NoSuchClass"), registry.problems().get(0));
  }
}
