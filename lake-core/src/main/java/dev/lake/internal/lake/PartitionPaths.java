package dev.lake.internal.lake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hive-style partition directories ({@code year=2011/month=1}) whose values can never escape or break their
 * directory: every byte outside {@code [A-Za-z0-9_.-]} is percent-encoded (as Hive, Spark and Athena decode it), a
 * leading dot is encoded so no value is hidden or means "parent", and null or empty becomes Hive's default
 * partition name.
 */
public final class PartitionPaths {
  /** The directory value Hive, Spark and Athena use for null partition values. */
  public static final String NULL_VALUE = "__HIVE_DEFAULT_PARTITION__";

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PartitionPaths() {}

  /** {@code name=value} for one partition column. */
  public static String segment(String name, String value) {
    return encode(name) + "=" + encodeValue(value);
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

  /** Encodes a partition value for a directory name. */
  public static String encodeValue(String value) {
    if (value == null || value.isEmpty()) {
      return NULL_VALUE;
    }
    return encode(value);
  }

  /** Decodes a directory value back to the partition value (null for the default partition). */
  public static String decodeValue(String encoded) {
    if (NULL_VALUE.equals(encoded)) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%' && i + 2 < encoded.length()) {
        out.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write((byte) c);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
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

  private static String encode(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(bytes.length + 8);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      boolean safe = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
          || b == '_' || b == '-' || (b == '.' && i > 0);
      if (safe) {
        sb.append((char) b);
      } else {
        sb.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
      }
    }
    return sb.toString();
  }
}
