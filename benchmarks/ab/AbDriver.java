import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.*;
import java.sql.*;
import java.util.*;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Before/after runs of Online Retail CSV -> Parquet in one JVM: each build's Lake jars in a class loader of its own
 * (child-first for {@code dev.lake.*} and {@link VariantRun}; parquet-java, Avro and the JDK shared), and DuckDB with
 * the columns given (as {@code CsvToParquetBenchmark}), interleaved A B C, B C A, C A B, ... (each round starts one
 * variant later; {@code -DfixedOrder=true}: A B C A B C ..., as before 2026-12-07 18:25 UTC), W warm-ups then N timed rounds;
 * prints wall and process CPU seconds per run, the load average, medians and per-round ratios.
 *
 * <p>Not part of the Maven build. Usage (BENCHMARKS.md, "Where the time goes", has the whole sequence):
 * <pre>
 * benchmarks/ab/jars.sh 33dcb24 /tmp/ab/base /tmp/ab-m2 ; benchmarks/ab/jars.sh HEAD /tmp/ab/new /tmp/ab-m2
 * javac -d /tmp/ab/runner -cp "$(ls /tmp/ab/new/*.jar | paste -sd:)" benchmarks/ab/VariantRun.java
 * javac -d /tmp/ab/driver benchmarks/ab/AbDriver.java
 * java -Xmx2g -cp "$(cat /tmp/ab/parent-cp.txt):/tmp/ab/driver" AbDriver data /tmp/ab/tmp 2 9 \
 *     base=/tmp/ab/base,/tmp/ab/runner new=/tmp/ab/new,/tmp/ab/runner duckdb
 * </pre>
 * Arguments: DATA_DIR (holding {@code online_retail/by-day/*.csv.gz}), TMP, WARMUPS, RUNS, then variants: {@code
 * label=JAR_DIR,CLASSES_DIR} or {@code duckdb}. {@code -Drows=N} sets the rows expected (5419090 for the 10x copy).
 */
public final class AbDriver {
  static final String COLUMNS_GIVEN = "header = true, auto_detect = false, columns = {'InvoiceNo': 'VARCHAR', "
      + "'StockCode': 'VARCHAR', 'Description': 'VARCHAR', 'Quantity': 'INTEGER', 'InvoiceDate': 'TIMESTAMP', "
      + "'UnitPrice': 'DECIMAL(10,3)', 'CustomerID': 'BIGINT', 'Country': 'VARCHAR'}";

  static final class ChildFirst extends URLClassLoader {
    ChildFirst(URL[] urls, ClassLoader parent) { super(urls, parent); }
    @Override protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null && (name.startsWith("dev.lake.") || name.equals("VariantRun"))) {
          try { c = findClass(name); } catch (ClassNotFoundException e) { c = null; }
        }
        if (c == null) { return super.loadClass(name, resolve); }
        if (resolve) { resolveClass(c); }
        return c;
      }
    }
    @Override public URL getResource(String name) {
      URL u = findResource(name);
      return u != null ? u : super.getResource(name);
    }
    @Override public Enumeration<URL> getResources(String name) throws java.io.IOException {
      List<URL> l = Collections.list(findResources(name));
      if (l.isEmpty()) { return super.getResources(name); }
      return Collections.enumeration(l);
    }
  }

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]).toAbsolutePath();
    Path tmp = Path.of(args[1]).toAbsolutePath();
    int warm = Integer.parseInt(args[2]), runs = Integer.parseInt(args[3]);
    Files.createDirectories(tmp);
    List<String> labels = new ArrayList<>();
    Map<String, Function<Path, Long>> variants = new LinkedHashMap<>();
    for (int i = 4; i < args.length; i++) {
      String a = args[i];
      if (a.equals("duckdb")) {
        labels.add(a);
        variants.put(a, dir -> duck(data, dir.resolve("out")));
        continue;
      }
      String label = a.substring(0, a.indexOf('='));
      List<URL> urls = new ArrayList<>();
      for (String d : a.substring(a.indexOf('=') + 1).split(",")) {
        File f = new File(d);
        File[] jars = f.listFiles((dir, name) -> name.endsWith(".jar"));
        if (jars != null && jars.length > 0) {
          for (File j : jars) {
            urls.add(j.toURI().toURL());
          }
        } else {
          urls.add(f.toURI().toURL()); // a directory of classes (VariantRun)
        }
      }
      ChildFirst loader = new ChildFirst(urls.toArray(URL[]::new), AbDriver.class.getClassLoader());
      @SuppressWarnings("unchecked")
      Function<String, Long> run =
          (Function<String, Long>) loader.loadClass("VariantRun").getDeclaredConstructor().newInstance();
      labels.add(label);
      variants.put(label, dir -> {
        Thread t = Thread.currentThread();
        ClassLoader old = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try { return run.apply(data.toUri() + "\n" + dir); } finally { t.setContextClassLoader(old); }
      });
    }
    Map<String, List<double[]>> res = new LinkedHashMap<>();
    labels.forEach(l -> res.put(l, new ArrayList<>()));
    boolean rotate = !Boolean.getBoolean("fixedOrder");
    for (int i = 0; i < warm + runs; i++) {
      for (int k = 0; k < labels.size(); k++) {
        // each round starts one variant later (A B C, B C A, C A B, ...): the run just after another variant's (DuckDB's
        // native threads, the collector) is at a disadvantage, measured at about 5%, which a fixed order gives one side
        String l = labels.get(rotate ? (k + i) % labels.size() : k);
        Path dir = Files.createTempDirectory(tmp, l + "-");
        try {
          System.gc();
          long c0 = cpu(); long t0 = System.nanoTime();
          long rows = variants.get(l).apply(dir);
          double s = (System.nanoTime() - t0) / 1e9, c = (cpu() - c0) / 1e9;
          if (rows != Long.getLong("rows", 541_909L)) throw new IllegalStateException(l + " rows " + rows);
          String round = i < warm ? "warmup" : String.valueOf(i - warm + 1);
          System.out.printf("RUN %s %s wall=%.3f cpu=%.3f load=%s%n", l, round, s, c, load());
          if (i >= warm) res.get(l).add(new double[] {s, c});
        } finally { delete(dir); }
      }
    }
    String base = labels.get(labels.size() - 1);
    for (String l : labels) {
      double w = median(res.get(l), 0), c = median(res.get(l), 1);
      System.out.printf("SUMMARY %s wall_median=%.3f cpu_median=%.3f  wall/%s=%.2f cpu/%s=%.2f%n", l, w, c,
          base, w / median(res.get(base), 0), base, c / median(res.get(base), 1));
    }
    // pairwise per-round ratios vs first label
    for (String l : labels) {
      List<Double> r = new ArrayList<>();
      for (int k = 0; k < res.get(l).size(); k++) r.add(res.get(l).get(k)[0] / res.get(labels.get(0)).get(k)[0]);
      System.out.printf("PAIRS %s/%s wall per round %s%n", l, labels.get(0), r);
    }
  }

  static double median(List<double[]> xs, int k) {
    double[] v = xs.stream().mapToDouble(x -> x[k]).sorted().toArray();
    int n = v.length; return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  static long duck(Path data, Path out) {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET autoinstall_known_extensions=false");
      st.execute("SET threads=" + Runtime.getRuntime().availableProcessors());
      st.execute("COPY (SELECT InvoiceNo AS invoice_no, StockCode AS stock_code, "
          + "Description AS description, Quantity AS quantity, InvoiceDate AS invoice_date, "
          + "CAST(UnitPrice AS DECIMAL(10,3)) AS unit_price, CAST(CustomerID AS BIGINT) AS customer_id, "
          + "Country AS country, year(InvoiceDate) AS year, month(InvoiceDate) AS month FROM read_csv('"
          + data.resolve("online_retail/by-day") + "/*.csv.gz', " + COLUMNS_GIVEN + ")) TO '" + out
          + "' (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (year, month))");
      return st.getUpdateCount();
    } catch (SQLException e) { throw new RuntimeException(e); }
  }

  static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  static String load() {
    try { return Files.readString(Path.of("/proc/loadavg")).split(" ")[0]; } catch (Exception e) { return "?"; }
  }

  static void delete(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (Exception e) { throw new RuntimeException(e); }
  }
}
