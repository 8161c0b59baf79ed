package dev.w2v.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** Checks the packaged jar that plugin authors compile against. */
class ApiJarIT {

  private static Path jar() throws Exception {
    Path location = Path.of(Loss.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertTrue(
        location.toString().endsWith(".jar"), "Failsafe should test the packaged jar: " + location);
    return location;
  }

  @Test
  void holdsOnlyTheApiPackage() throws Exception {
    try (JarFile jar = new JarFile(jar().toFile())) {
      List<String> foreign =
          jar.stream()
              .map(ZipEntry::getName)
              .filter(n -> n.endsWith(".class"))
              .filter(n -> !n.startsWith("dev/w2v/api/"))
              .toList();
      assertEquals(List.of(), foreign, "classes outside dev.w2v.api");
    }
  }

  @Test
  void theContractLoadsWithNothingButTheJdk() throws Exception {
    // Every public type must resolve against java.* alone: api has no runtime dependencies.
    try (JarFile jar = new JarFile(jar().toFile())) {
      for (String name :
          jar.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class")).toList()) {
        String className = name.substring(0, name.length() - 6).replace('/', '.');
        if (className.endsWith("package-info")) {
          continue;
        }
        Class<?> type = Class.forName(className, true, ApiJarIT.class.getClassLoader());
        for (var method : type.getDeclaredMethods()) {
          for (Class<?> p : method.getParameterTypes()) {
            String pkg = p.isArray() ? p.getComponentType().getPackageName() : p.getPackageName();
            assertTrue(
                p.isPrimitive()
                    || pkg.startsWith("java.")
                    || pkg.equals("dev.w2v.api")
                    || pkg.isEmpty(),
                className + "." + method.getName() + " takes " + p.getName());
          }
        }
      }
    }
  }
}
