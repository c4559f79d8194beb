package dev.lake.cli;

import dev.lake.Lake;
import dev.lake.Pipeline;
import dev.lake.iam.DeclaresPermissions;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.stream.Stream;

/**
 * Finds the pipelines a reference names: {@code com.example.Jobs#daily} (a static method; its parameters, if any,
 * come from {@code --arg} values: String, URI, Path, Lake, int, long, boolean) or {@code com.example.DailyJob} (a
 * {@code Supplier<Pipeline<?>>} with a no-argument constructor). The method may return one pipeline, a collection of
 * them, or a supplier of either; a collection may also hold other parts that declare their permissions
 * ({@link DeclaresPermissions}, e.g. a warehouse load). Mistakes are {@link CliException}s naming the fix, with "did
 * you mean" suggestions.
 *
 * <pre>{@code
 * List<Object> parts = PipelineRef.resolve("dev.lake.examples.ecommerce.OnlineRetail#pipeline",
 *     List.of("s3://b/data/", "s3://b/lake"), PipelineRef.class.getClassLoader());
 * }</pre>
 */
final class PipelineRef {
  private PipelineRef() {}

  /** A loader over {@code classpath} (jars and directories, separated by the platform's path separator). */
  static ClassLoader loader(String classpath, ClassLoader parent) {
    if (classpath == null || classpath.isBlank()) {
      return parent;
    }
    List<URL> urls = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (!Files.exists(p)) {
        throw new CliException("--classpath entry " + entry + " does not exist: give the jar (or classes "
            + "directory) holding your pipelines, e.g. --classpath target/app.jar");
      }
      try {
        urls.add(p.toUri().toURL());
      } catch (IOException e) {
        throw new CliException("--classpath entry " + entry + " is not a valid path: " + e.getMessage());
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), parent);
  }

  /** The pipelines and other {@link DeclaresPermissions} parts {@code ref} makes, in order. */
  static List<Object> resolve(String ref, List<String> args, ClassLoader loader) {
    int hash = ref.indexOf('#');
    String className = hash < 0 ? ref : ref.substring(0, hash);
    Class<?> type = load(className, loader);
    Object made = hash < 0 ? construct(type, ref) : invoke(type, ref.substring(hash + 1), args, ref);
    return pipelines(made, ref);
  }

  private static Class<?> load(String className, ClassLoader loader) {
    try {
      return Class.forName(className, true, loader);
    } catch (ClassNotFoundException | NoClassDefFoundError e) {
      String hint = similarClass(className, loader).map(c -> " Did you mean " + c + "?").orElse("");
      throw new CliException("Class " + className + " not found." + hint + " Give the fully qualified name and, "
          + "when it is in your application's jar, --classpath app.jar (with its dependencies).");
    }
  }

  private static Object construct(Class<?> type, String ref) {
    if (!Supplier.class.isAssignableFrom(type)) {
      throw new CliException(ref + " is a class but not a Supplier<Pipeline<?>>: name a static method instead, "
          + "e.g. " + ref + "#" + firstFactory(type).orElse("pipeline"));
    }
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new CliException(ref + " needs a public no-argument constructor to be used as a Supplier: "
          + e.getMessage());
    }
  }

  private static Object invoke(Class<?> type, String name, List<String> args, String ref) {
    List<Method> named = statics(type).stream().filter(m -> m.getName().equals(name)).toList();
    if (named.isEmpty()) {
      String hint = DidYouMean.closest(name, statics(type).stream().map(Method::getName).toList())
          .map(n -> " Did you mean " + n + "?").orElse("");
      throw new CliException("No public static method " + name + " in " + type.getName() + "." + hint
          + " Its static methods: " + signatures(statics(type)));
    }
    List<String> problems = new ArrayList<>();
    for (Method m : named) {
      if (m.getParameterCount() != args.size()) {
        problems.add(signature(m) + " takes " + m.getParameterCount() + " argument(s)");
        continue;
      }
      Object[] values = new Object[args.size()];
      try {
        for (int i = 0; i < values.length; i++) {
          values[i] = convert(args.get(i), m.getParameterTypes()[i]);
        }
      } catch (RuntimeException e) {
        problems.add(signature(m) + ": " + e.getMessage());
        continue;
      }
      try {
        return m.invoke(null, values);
      } catch (InvocationTargetException e) {
        throw new CliException(ref + " failed while building the pipeline: " + e.getCause(), e.getCause());
      } catch (IllegalAccessException e) {
        throw new CliException(ref + " is not accessible: make it public");
      }
    }
    throw new CliException(ref + " was given " + args.size() + " --arg value(s) " + args + ", but " + String.join(
        "; ", problems) + ". Pass one --arg per parameter, in order.");
  }

  private static Object convert(String value, Class<?> type) {
    if (type == String.class) {
      return value;
    }
    if (type == URI.class) {
      URI uri = dev.lake.io.ObjectStores.toUri(value);
      return value.endsWith("/") || uri.toString().endsWith("/") ? uri : URI.create(uri + "/");
    }
    if (type == Path.class) {
      return Path.of(value);
    }
    if (type == Lake.class) {
      return Lake.at(value);
    }
    if (type == int.class || type == Integer.class) {
      return Integer.parseInt(value);
    }
    if (type == long.class || type == Long.class) {
      return Long.parseLong(value);
    }
    if (type == boolean.class || type == Boolean.class) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException("a " + type.getSimpleName() + " parameter cannot be given on the command "
        + "line; add a factory method taking String, URI, Path, Lake or numbers");
  }

  private static List<Object> pipelines(Object made, String ref) {
    if (made instanceof Supplier<?> s) {
      made = s.get();
    }
    if (made instanceof Pipeline<?> || made instanceof DeclaresPermissions) {
      return List.of(made);
    }
    if (made instanceof Collection<?> c && !c.isEmpty()
        && c.stream().allMatch(o -> o instanceof Pipeline<?> || o instanceof DeclaresPermissions)) {
      return List.copyOf(c);
    }
    throw new CliException(ref + " returned " + (made == null ? "null" : made.getClass().getName())
        + ", not a Pipeline: name a method returning a Pipeline (or a collection of them, or a Supplier of one; "
        + "a collection may add parts that implement DeclaresPermissions, such as a WarehouseLoad)");
  }

  private static List<Method> statics(Class<?> type) {
    List<Method> out = new ArrayList<>();
    for (Method m : type.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) && !m.getName().equals("main")) {
        out.add(m);
      }
    }
    out.sort((a, b) -> signature(a).compareTo(signature(b)));
    return out;
  }

  private static Optional<String> firstFactory(Class<?> type) {
    return statics(type).stream().filter(m -> Pipeline.class.isAssignableFrom(m.getReturnType()))
        .map(Method::getName).findFirst();
  }

  private static String signatures(List<Method> methods) {
    return methods.isEmpty() ? "none" : String.join(", ", methods.stream().map(PipelineRef::signature).toList());
  }

  private static String signature(Method m) {
    return m.getName() + "(" + String.join(", ", Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
        .toList()) + ")";
  }

  /** The closest class name in the same package (or its parent's), found through the loader's resources. */
  static Optional<String> similarClass(String className, ClassLoader loader) {
    int dot = className.lastIndexOf('.');
    String pkg = dot < 0 ? "" : className.substring(0, dot);
    List<String> names = new ArrayList<>();
    for (String p : new String[] {pkg, pkg.contains(".") ? pkg.substring(0, pkg.lastIndexOf('.')) : pkg}) {
      names.addAll(classesIn(p, loader));
    }
    return DidYouMean.closest(className, names);
  }

  private static List<String> classesIn(String pkg, ClassLoader loader) {
    String path = pkg.replace('.', '/');
    List<String> out = new ArrayList<>();
    try {
      for (URL url : Collections.list(loader.getResources(path))) {
        if (url.getProtocol().equals("file")) {
          try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                .forEach(n -> out.add(pkg + "." + n.substring(0, n.length() - 6)));
          }
        } else if (url.getProtocol().equals("jar")) {
          var jar = ((JarURLConnection) url.openConnection()).getJarFile();
          for (JarEntry e : Collections.list(jar.entries())) {
            String n = e.getName();
            if (n.startsWith(path + "/") && n.endsWith(".class") && !n.contains("$")
                && n.indexOf('/', path.length() + 1) < 0) {
              out.add(n.substring(0, n.length() - 6).replace('/', '.'));
            }
          }
        }
      }
    } catch (IOException | java.net.URISyntaxException e) {
      return out; // suggestions are a courtesy
    }
    return out;
  }
}
