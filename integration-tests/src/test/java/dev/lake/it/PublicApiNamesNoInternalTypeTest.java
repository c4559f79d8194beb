package dev.lake.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Pipeline;
import dev.lake.exceptions.LakeException;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API (every public or protected member of a public type outside {@code dev.lake.internal}, in lake-api
 * and lake-core) names no engine type: japicmp leaves {@code dev.lake.internal} out, so an engine type in a public
 * signature would change users' code unchecked (as {@code Lake.latest()} returning the internal {@code Manifest}
 * once did).
 */
class PublicApiNamesNoInternalTypeTest {
  @Test
  void publicSignatures_ofLakeApiAndLakeCore_nameNoInternalType() throws Exception {
    List<String> found = new ArrayList<>();
    int types = 0;
    for (Path classes : List.of(classesOf(LakeException.class), classesOf(Pipeline.class))) {
      for (String name : classNames(classes)) {
        if (name.startsWith("dev.lake.internal.") || !name.startsWith("dev.lake.")) {
          continue;
        }
        Class<?> type = Class.forName(name, false, getClass().getClassLoader());
        if (!isPublicApi(type)) {
          continue;
        }
        types++;
        check(name, type.getGenericSuperclass(), found);
        for (var i : type.getGenericInterfaces()) {
          check(name + " implements", i, found);
        }
        for (Method m : type.getDeclaredMethods()) {
          if (visible(m.getModifiers()) && !m.isSynthetic()) {
            check(name + "." + m.getName(), m.toGenericString(), found);
          }
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
          if (visible(c.getModifiers())) {
            check(name + ".<init>", c.toGenericString(), found);
          }
        }
        for (Field f : type.getDeclaredFields()) {
          if (visible(f.getModifiers())) {
            check(name + "." + f.getName(), f.toGenericString(), found);
          }
        }
      }
    }

    assertThat(types).as("public API types read").isGreaterThan(100);
    assertThat(found).as("public signatures naming dev.lake.internal: make the type public API or keep it out of "
        + "the signature").isEmpty();
  }

  private static boolean isPublicApi(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
      if (!Modifier.isPublic(c.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void check(String where, Object signature, List<String> found) {
    if (signature != null && signature.toString().contains("dev.lake.internal.")) {
      found.add(where + ": " + signature);
    }
  }

  private static List<String> classNames(Path classes) throws IOException {
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(classes)) {
      try (Stream<Path> files = Files.walk(classes)) {
        files.filter(p -> p.toString().endsWith(".class"))
            .forEach(p -> names.add(toName(classes.relativize(p).toString())));
      }
    } else {
      try (JarFile jar = new JarFile(classes.toFile())) {
        jar.stream().filter(e -> e.getName().endsWith(".class")).forEach(e -> names.add(toName(e.getName())));
      }
    }
    names.removeIf(n -> n.endsWith("package-info") || n.endsWith("module-info"));
    return names;
  }

  private static String toName(String path) {
    return path.substring(0, path.length() - ".class".length()).replace('/', '.').replace('\\', '.');
  }

  private static Path classesOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
