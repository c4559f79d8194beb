package dev.lake.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hive-style partition directories ({@code year=2011/month=1}) escaped as Hive escapes them
 * ({@code FileUtils.escapePathName}, which Spark copies), so that Hive, Spark, Trino, Athena, DuckDB and Lake read
 * back the same values: the ASCII characters <code>" # % ' * / : = ? \ &#123; [ ] ^</code>, the control characters
 * and DEL are written {@code %XX}; everything else, spaces and non-ASCII letters included, is written as it is.
 * Null or empty is Hive's default partition name, and a value that is that name is escaped
 * ({@code %5F_HIVE_DEFAULT_PARTITION__}) so that it does not read back as null. Loaders and readers of a Lake dataset
 * (a warehouse's partition DDL, a query over the files) read its partition directories with this class.
 *
 * <pre>{@code
 * PartitionPaths.segment("city", "Zürich");   // city=Zürich
 * PartitionPaths.segment("path", "a/b=c");    // path=a%2Fb%3Dc
 * }</pre>
 */
public final class PartitionPaths {
  /** The directory value Hive, Spark and Athena use for null partition values. */
  public static final String NULL_VALUE = "__HIVE_DEFAULT_PARTITION__";
  /** The longest directory name most file systems take (NAME_MAX, in bytes of UTF-8). */
  public static final int MAX_SEGMENT_BYTES = 255;

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final String ESCAPED = "\"#%'*/:=?\\{[]^";

  private PartitionPaths() {}

  /** {@code name=value} for one partition column. */
  public static String segment(String name, String value) {
    return escape(name) + "=" + encodeValue(value);
  }

  /** The relative directory for partition values in order, e.g. {@code year=2011/month=1}; empty for none. */
  public static String directory(Map<String, String> values) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(segment(e.getKey(), e.getValue()));
    }
    return sb.toString();
  }

  /**
   * Why {@code value} cannot be a directory for partition column {@code name} (as a rejected row's reason), or null
   * when it can: a name longer than {@value #MAX_SEGMENT_BYTES} bytes, or text that is not Unicode (a lone
   * surrogate, which no file system or S3 key can hold).
   */
  public static String problem(String name, String value) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return String.format("partition value of %s is not valid Unicode (a lone surrogate U+%04X at character %d)"
            + "; it cannot be a directory name", name, (int) c, i + 1);
      }
    }
    String segment = segment(name, value);
    int bytes = segment.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_SEGMENT_BYTES) {
      return "partition value of " + name + " (" + value.length() + " characters) makes a directory name of "
          + bytes + " bytes, more than the " + MAX_SEGMENT_BYTES + " file systems take: " + preview(segment)
          + "; partition by a shorter field (a prefix or a hash of this one)";
    }
    return null;
  }

  /** Encodes a partition value for a directory name. */
  public static String encodeValue(String value) {
    if (value == null || value.isEmpty()) {
      return NULL_VALUE;
    }
    if (value.equals(NULL_VALUE)) {
      return "%5F" + NULL_VALUE.substring(1);
    }
    return escape(value);
  }

  /**
   * Decodes a directory value back to the partition value (null for the default partition): each {@code %XX} below
   * {@code %80} is one character, as Hive and Spark read it. A run of {@code %XX} from {@code %80} up (which Hive
   * never writes: it leaves non-ASCII as it is) is UTF-8, as Lake wrote non-ASCII values before it escaped as Hive.
   */
  public static String decodeValue(String encoded) {
    if (NULL_VALUE.equals(encoded)) {
      return null;
    }
    StringBuilder out = new StringBuilder(encoded.length());
    ByteArrayOutputStream utf8 = new ByteArrayOutputStream();
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      int code = c == '%' && i + 2 < encoded.length() ? hex(encoded, i + 1) : -1;
      if (code >= 0x80) {
        utf8.write(code);
        i += 2;
        continue;
      }
      if (utf8.size() > 0) {
        out.append(utf8.toString(StandardCharsets.UTF_8));
        utf8.reset();
      }
      if (code >= 0) {
        out.append((char) code);
        i += 2;
      } else {
        out.append(c);
      }
    }
    out.append(utf8.toString(StandardCharsets.UTF_8));
    return out.toString();
  }

  /** Parses {@code a=1/b=x} into an ordered map of decoded values. */
  public static Map<String, String> parse(String directory, List<String> names) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String segment : directory.split("/")) {
      int eq = segment.indexOf('=');
      if (eq > 0 && names.contains(decodeValue(segment.substring(0, eq)))) {
        values.put(decodeValue(segment.substring(0, eq)), decodeValue(segment.substring(eq + 1)));
      }
    }
    return values;
  }

  private static int hex(String s, int at) {
    int hi = Character.digit(s.charAt(at), 16);
    int lo = Character.digit(s.charAt(at + 1), 16);
    return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
  }

  private static String escape(String value) {
    StringBuilder sb = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f || ESCAPED.indexOf(c) >= 0) {
        if (sb == null) {
          sb = new StringBuilder(value.length() + 8).append(value, 0, i);
        }
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? value : sb.toString();
  }

  private static String preview(String segment) {
    return segment.length() <= 60 ? segment : segment.substring(0, 60) + "...";
  }
}
