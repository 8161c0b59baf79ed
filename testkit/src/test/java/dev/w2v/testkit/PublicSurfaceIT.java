package dev.w2v.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packaged kit shows plugin authors only api, JUnit and JDK types: core stays internal. */
class PublicSurfaceIT {

  @Test
  void noCoreTypeInThePublicOrProtectedSignatures() throws Exception {
    Path jar =
        Path.of(LossContractTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertTrue(jar.toString().endsWith(".jar"), "Failsafe should test the packaged jar: " + jar);
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : List.of(LossContractTest.class, SamplerContractTest.class)) {
      for (Method m : type.getDeclaredMethods()) {
        if (!Modifier.isPublic(m.getModifiers()) && !Modifier.isProtected(m.getModifiers())) {
          continue;
        }
        List<Class<?>> used = new ArrayList<>(List.of(m.getParameterTypes()));
        used.add(m.getReturnType());
        for (Class<?> u : used) {
          if (u.getName().startsWith("dev.w2v.core")) {
            leaks.add(type.getSimpleName() + "." + m.getName() + " uses " + u.getName());
          }
        }
      }
    }
    assertEquals(List.of(), leaks);
  }
}
