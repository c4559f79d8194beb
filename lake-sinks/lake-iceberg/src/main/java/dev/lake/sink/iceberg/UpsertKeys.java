package dev.lake.sink.iceberg;

import dev.lake.exceptions.SinkException;
import dev.lake.exceptions.SchemaException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The keys one upsert writer wrote, each with where its (latest) row is: the data file (an index into the writer's
 * data files), the position in it and the order of the input split it came from. Writers of one run read splits in
 * parallel, so two of them can write the same key (an invoice and its correction read by different workers); their
 * rows land in the same snapshot, where equality deletes do not reach (they apply to older data only). The commit
 * {@linkplain #superseded finds} such keys and deletes all but the row from the latest split by position, which
 * does reach rows of the same snapshot: the rule one worker applies to its own input, later wins.
 *
 * <p>The keys travel in the writer's result ({@value #KEY}: typed values and numbers, deflated, Base64), on one
 * machine or from a Spark task to the driver: a few bytes more than the key's values per row key, compressed.
 * At the commit every distinct key of the run is held in memory once, as each writer holds its own keys while it
 * writes: an upsert run's keys must fit in the committing JVM's heap (an estimate from the map's layout, not a
 * measurement: about 200 bytes per key of a short string and two ints, so some 200 MB for a million keys).
 *
 * <pre>{@code
 * Map<String, String> meta = Map.of(UpsertKeys.KEY, UpsertKeys.encode(keys));
 * List<UpsertKeys.Superseded> gone = UpsertKeys.superseded(List.of(meta0, meta1), List.of(0, 1));
 * }</pre>
 */
final class UpsertKeys {
  static final String KEY = "iceberg.upsert-keys";
  private static final int VERSION = 1;

  /** Where a writer wrote the latest row of one key: data file location, position, split order. */
  record Written(String file, long pos, int order) {}

  /** The same, read back: {@code file} is an index into the writer's data files. */
  record Row(int file, long pos, int order) {}

  /** A row another writer's later row (by split order) replaces: writer {@code result}'s file {@code file}. */
  record Superseded(int result, int file, long pos) {}

  private UpsertKeys() {}

  /** Encodes a writer's keys and the rows that hold them ({@code fileIndex}: each data file's index). */
  static String encode(Map<List<Object>, Written> keys, Map<String, Integer> fileIndex, String table) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
      out.writeInt(VERSION);
      out.writeInt(keys.size());
      for (Map.Entry<List<Object>, Written> e : keys.entrySet()) {
        out.writeShort(e.getKey().size());
        for (Object v : e.getKey()) {
          writeValue(out, v, table);
        }
        out.writeInt(fileIndex.get(e.getValue().file()));
        out.writeLong(e.getValue().pos());
        out.writeInt(e.getValue().order());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  /**
   * The rows that a row with the same key from a later split (or, for equal orders, from a writer with a higher
   * index) replaces, across the writers' {@code encoded} keys ({@code writerIndexes}: the writer of each). A key
   * several writers wrote keeps exactly one row.
   */
  static List<Superseded> superseded(List<String> encoded, List<Integer> writerIndexes) {
    Map<List<Object>, long[]> latest = new HashMap<>();
    List<Superseded> out = new ArrayList<>();
    for (int r = 0; r < encoded.size(); r++) {
      String text = encoded.get(r);
      if (text == null || text.isEmpty()) {
        continue;
      }
      int result = r;
      read(text, (key, row) -> {
        long[] entry = {result, row.file(), row.pos(), row.order()};
        long[] before = latest.putIfAbsent(key, entry);
        if (before == null) {
          return;
        }
        long[] loser = before;
        if (later(entry, before, writerIndexes)) {
          latest.put(key, entry);
        } else {
          loser = entry;
        }
        out.add(new Superseded((int) loser[0], (int) loser[1], loser[2]));
      });
    }
    return out;
  }

  private static boolean later(long[] a, long[] b, List<Integer> writerIndexes) {
    if (a[3] != b[3]) {
      return a[3] > b[3];
    }
    return writerIndexes.get((int) a[0]) > writerIndexes.get((int) b[0]);
  }

  interface Visitor {
    void key(List<Object> key, Row row);
  }

  static void read(String text, Visitor visitor) {
    try (DataInputStream in = new DataInputStream(new InflaterInputStream(
        new ByteArrayInputStream(Base64.getDecoder().decode(text))))) {
      int version = in.readInt();
      if (version != VERSION) {
        throw new SinkException("iceberg", "Upsert keys of version " + version + " come from another Lake version "
            + "than this one (" + VERSION + "): run every writer and the commit with the same Lake", null);
      }
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        Object[] key = new Object[in.readShort()];
        for (int k = 0; k < key.length; k++) {
          key[k] = readValue(in);
        }
        visitor.key(Arrays.asList(key), new Row(in.readInt(), in.readLong(), in.readInt()));
      }
    } catch (IOException e) {
      throw new SinkException("iceberg", "Cannot read the upsert keys of a writer: " + e.getMessage(), e);
    }
  }

  private static void writeValue(DataOutputStream out, Object v, String table) throws IOException {
    if (v == null) {
      out.writeByte('n');
    } else if (v instanceof String s) {
      out.writeByte('s');
      byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      out.writeInt(b.length);
      out.write(b);
    } else if (v instanceof Integer i) {
      out.writeByte('i');
      out.writeInt(i);
    } else if (v instanceof Long l) {
      out.writeByte('l');
      out.writeLong(l);
    } else if (v instanceof Boolean b) {
      out.writeByte('z');
      out.writeBoolean(b);
    } else if (v instanceof Double d) {
      out.writeByte('d');
      out.writeDouble(d);
    } else if (v instanceof Float f) {
      out.writeByte('f');
      out.writeFloat(f);
    } else if (v instanceof BigDecimal d) {
      out.writeByte('m');
      out.writeInt(d.scale());
      byte[] b = d.unscaledValue().toByteArray();
      out.writeInt(b.length);
      out.write(b);
    } else if (v instanceof UUID u) {
      out.writeByte('u');
      out.writeLong(u.getMostSignificantBits());
      out.writeLong(u.getLeastSignificantBits());
    } else if (v instanceof ByteBuffer buf) {
      out.writeByte('b');
      byte[] b = new byte[buf.remaining()];
      buf.duplicate().get(b);
      out.writeInt(b.length);
      out.write(b);
    } else {
      throw new SchemaException("Cannot upsert into Iceberg table " + table + " by a key value of type "
          + v.getClass().getName() + " (" + v + "): key columns are strings, numbers, booleans, dates, times, "
          + "UUIDs or bytes");
    }
  }

  private static Object readValue(DataInputStream in) throws IOException {
    int tag = in.readByte();
    return switch (tag) {
      case 'n' -> null;
      case 's' -> new String(in.readNBytes(in.readInt()), java.nio.charset.StandardCharsets.UTF_8);
      case 'i' -> in.readInt();
      case 'l' -> in.readLong();
      case 'z' -> in.readBoolean();
      case 'd' -> in.readDouble();
      case 'f' -> in.readFloat();
      case 'm' -> {
        int scale = in.readInt();
        yield new BigDecimal(new BigInteger(in.readNBytes(in.readInt())), scale);
      }
      case 'u' -> new UUID(in.readLong(), in.readLong());
      case 'b' -> ByteBuffer.wrap(in.readNBytes(in.readInt()));
      default -> throw new IOException("unknown value tag " + tag);
    };
  }
}
