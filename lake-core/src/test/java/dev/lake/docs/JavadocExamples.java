package dev.lake.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles the first {@code <pre>{@code ...}</pre>} example of every public type's Javadoc under {@code dev.lake}
 * (internal packages left out), so that the examples users copy keep compiling as the API changes.
 *
 * <p>Each example becomes the body of a method; the variables it uses without declaring them are the method's
 * parameters, declared by a comment line in the example: {@code // given: Pipeline<Sale> pipeline, Lake lake}
 * ({@code lake}, {@code store}, {@code schema}, {@code pipeline}, {@code result} and {@code dir} need none). An
 * example that declares types or methods ({@code record Sale(...)}, {@code public class Handler ...}) and no
 * statements becomes members of a class instead. Lines starting with {@code import} are imports; {@code dev.lake},
 * its public packages, the example's own package and the common {@code java.*} packages are imported already.
 *
 * <pre>{@code
 * List<String> failures = JavadocExamples.compile(JavadocExamples.find(Path.of("src/main/java")));
 * }</pre>
 */
public final class JavadocExamples {
  private static final Pattern TYPE_DOC = Pattern.compile(
      "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*"
          + "public\\s+(?:(?:abstract|final|static|sealed|non-sealed|strictfp)\\s+)*"
          + "(?:class|interface|record|enum|@interface)\\s+(\\w+)", Pattern.DOTALL);
  private static final Pattern EXAMPLE = Pattern.compile("<pre>\\{@code(.*?)}</pre>", Pattern.DOTALL);
  private static final Pattern GIVEN = Pattern.compile("^\\s*//\\s*given:\\s*(.*)$");
  private static final Pattern MEMBER = Pattern.compile(
      "^(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:(?:public|protected|private|static|final|abstract|sealed)\\s+)*"
          + "(?:class|interface|record|enum)\\s+\\w+.*|^(?:(?:public|protected|private|static|final)\\s+)+[\\w<>\\[\\], ?]+"
          + "\\s+\\w+\\s*\\(.*");
  private static final List<String> IMPORTS = List.of("dev.lake.*", "dev.lake.io.*", "dev.lake.format.*",
      "dev.lake.transforms.*", "dev.lake.exceptions.*", "dev.lake.iam.*", "java.util.*", "java.time.*", "java.nio.file.*", "java.net.URI",
      "java.io.IOException", "java.io.InputStream", "java.io.OutputStream", "java.nio.charset.StandardCharsets",
      "java.util.function.*", "java.util.stream.*", "java.math.BigDecimal", "java.io.Serializable", "org.apache.avro.Schema",
      "org.apache.avro.generic.GenericData", "org.apache.avro.generic.GenericRecord",
      "static java.nio.charset.StandardCharsets.UTF_8");

  /**
   * Names an example may use without a {@code // given:} line: each is declared as a parameter of this type when the
   * example uses it and does not declare it.
   */
  private static final Map<String, String> WELL_KNOWN = Map.of("lake", "Lake", "store", "ObjectStore",
      "schema", "Schema", "pipeline", "Pipeline<String>", "result", "PipelineResult", "dir", "Path");

  private JavadocExamples() {}

  /** An example: the source file, the line of its first code line, the code as a reader sees it. */
  public record Example(Path file, int line, String packageName, String type, String code) {}

  /** The examples of every public type in the {@code .java} files under {@code sourceRoot}. */
  public static List<Example> find(Path sourceRoot) {
    try (Stream<Path> files = Files.walk(sourceRoot)) {
      List<Example> examples = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String relative = sourceRoot.relativize(file).toString().replace('\\', '/');
        if (!relative.startsWith("dev/lake/") || relative.contains("/internal/")
            || relative.endsWith("package-info.java")) {
          continue;
        }
        examples.addAll(examplesOf(file, relative.substring(0, relative.lastIndexOf('/')).replace('/', '.')));
      }
      return examples;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Example> examplesOf(Path file, String packageName) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<Example> found = new ArrayList<>();
    Matcher doc = TYPE_DOC.matcher(text);
    while (doc.find()) {
      Matcher example = EXAMPLE.matcher(doc.group(1));
      if (example.find()) {
        int start = doc.start(1) + example.start(1);
        String code = Arrays.stream(example.group(1).split("\n", -1))
            .map(l -> l.replaceFirst("^\\s*\\* ?", ""))
            .collect(Collectors.joining("\n"));
        int line = lineOf(text, start);
        if (code.startsWith("\n")) {
          code = code.substring(1);
          line++;
        }
        found.add(new Example(file, line, packageName, doc.group(2), unescape(code.stripTrailing())));
      }
    }
    return found;
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String unescape(String code) {
    return code.replace("&#64;", "@").replace("{@literal @}", "@").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  /**
   * Compiles {@code examples} against this JVM's class path; returns one line per error, {@code file:line: message},
   * empty when every example compiles.
   */
  public static List<String> compile(List<Example> examples) {
    return compile(examples, List.of());
  }

  /**
   * As {@link #compile(List)}, with {@code imports} (e.g. {@code "dev.lake.source.files.*"}) added to every example:
   * for a class path that holds more of Lake than the example's own module, so that an example may use the types a
   * reader would take from another module (a source, a sink, the row record of the examples) without importing them.
   */
  public static List<String> compile(List<Example> examples, List<String> imports) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Map<String, Example> byClass = new LinkedHashMap<>();
    Map<String, Integer> firstCodeLine = new LinkedHashMap<>();
    List<JavaFileObject> units = new ArrayList<>();
    for (Example e : examples) {
      String className = "Example" + (units.size() + 1) + "_" + e.type();
      Unit unit = unit(e, className, imports);
      byClass.put(className, e);
      firstCodeLine.put(className, unit.firstCodeLine);
      units.add(new Source(className, unit.text));
    }
    // javac attributes nothing once one unit fails to parse: compile again without the units that failed
    List<String> failures = new ArrayList<>();
    List<JavaFileObject> remaining = units;
    while (!remaining.isEmpty()) {
      List<Diagnostic<? extends JavaFileObject>> errors = javac(javac, remaining);
      if (errors.isEmpty()) {
        break;
      }
      List<String> failed = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : errors) {
        String className = d.getSource() == null ? "?" : ((Source) d.getSource()).className;
        Example e = byClass.get(className);
        String message = d.getMessage(Locale.ROOT).lines().map(String::strip).filter(l -> !l.startsWith("location:"))
            .collect(Collectors.joining(" "));
        if (e == null) {
          failures.add(message);
          return failures;
        }
        failed.add(className);
        failures.add(e.file() + ":" + (e.line() + d.getLineNumber() - firstCodeLine.get(className)) + ": "
            + e.type() + ": " + message);
      }
      remaining = remaining.stream().filter(u -> !failed.contains(((Source) u).className)).toList();
    }
    return failures;
  }

  private static List<Diagnostic<? extends JavaFileObject>> javac(JavaCompiler javac, List<JavaFileObject> units) {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try {
      Path out = Files.createTempDirectory("javadoc-examples-");
      try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
          StandardCharsets.UTF_8)) {
        List<String> options = List.of("-classpath", classPath(), "-d", out.toString(), "-proc:none",
            "-Xlint:none", "-nowarn", "-Xmaxerrs", "10000");
        javac.getTask(null, files, diagnostics, options, null, units).call();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
  }

  private record Unit(String text, int firstCodeLine) {}

  private static Unit unit(Example e, String className, List<String> extraImports) {
    List<String> imports = new ArrayList<>();
    List<String> given = new ArrayList<>();
    List<String> code = new ArrayList<>();
    for (String line : e.code().split("\n", -1)) {
      Matcher g = GIVEN.matcher(line);
      if (line.startsWith("import ")) {
        imports.add(line);
        code.add("");
      } else {
        if (g.matches()) {
          given.add(g.group(1).trim());
        }
        code.add(line);
      }
    }
    String body = String.join("\n", code);
    WELL_KNOWN.forEach((name, type) -> {
      boolean used = Pattern.compile("(?<![\\w.\"])" + name + "\\b(?!\\s*->)").matcher(body).find();
      boolean declared = Pattern.compile("[\\w>\\]]\\s+" + name + "\\s*[=;:,)]").matcher(body).find()
          || given.stream().anyMatch(g -> g.matches(".*\\b" + name + "\\b.*"));
      if (used && !declared) {
        given.add(type + " " + name);
      }
    });
    boolean members = code.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("//"))
        .findFirst().map(l -> MEMBER.matcher(l).matches()).orElse(false);
    StringBuilder text = new StringBuilder("package lake.javadoc.examples;\n");
    IMPORTS.forEach(i -> text.append("import ").append(i).append(";\n"));
    extraImports.forEach(i -> text.append("import ").append(i).append(";\n"));
    String topLevel = e.packageName() + "." + e.file().getFileName().toString().replace(".java", "");
    if (isOnClassPath(topLevel)) {
      text.append("import ").append(e.packageName()).append(".*;\n");
      text.append("import ").append(topLevel).append(".*;\n");
    }
    imports.forEach(i -> text.append(i).append('\n'));
    text.append("@SuppressWarnings(\"all\")\nabstract class ").append(className).append(" {\n");
    if (!members) {
      text.append("  void example(").append(String.join(", ", given)).append(") throws Exception {\n");
    }
    int firstCodeLine = (int) text.chars().filter(c -> c == '\n').count() + 1;
    code.forEach(l -> text.append(l).append('\n'));
    text.append(members ? "}\n" : "  }\n}\n");
    return new Unit(text.toString(), firstCodeLine);
  }

  private static boolean isOnClassPath(String className) {
    try {
      Class.forName(className, false, JavadocExamples.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static String classPath() throws IOException {
    String path = System.getProperty("surefire.test.class.path");
    if (path != null && !path.isBlank()) {
      return path;
    }
    path = System.getProperty("java.class.path");
    String[] entries = path.split(java.io.File.pathSeparator);
    if (entries.length == 1 && entries[0].endsWith(".jar")) {
      try (JarFile jar = new JarFile(entries[0])) {
        Manifest manifest = jar.getManifest();
        String manifestPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
        if (manifestPath != null) {
          return Arrays.stream(manifestPath.trim().split("\\s+")).map(u -> Path.of(URI.create(u)).toString())
              .collect(Collectors.joining(java.io.File.pathSeparator));
        }
      }
    }
    return path;
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String className;
    private final String text;

    Source(String className, String text) {
      super(URI.create("string:///lake/javadoc/examples/" + className + ".java"), Kind.SOURCE);
      this.className = className;
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
