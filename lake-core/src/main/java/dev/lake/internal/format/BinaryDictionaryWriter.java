package dev.lake.internal.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.dictionary.IntList;
import org.apache.parquet.column.values.plain.PlainValuesWriter;
import org.apache.parquet.column.values.dictionary.DictionaryValuesWriter.PlainBinaryDictionaryValuesWriter;
import org.apache.parquet.io.api.Binary;

/**
 * Parquet's dictionary writer for byte-array columns (strings, decimals as bytes) with a faster lookup of values
 * already in the dictionary: parquet-java hashes each value byte by byte ({@code Binary.hashCode}) and compares a hit
 * byte by byte ({@code Binary.equals}), a sixth of a CSV-to-Parquet conversion's time. Here the same array as the
 * value before's (a value repeated row after row) takes its id without a lookup, and any other value is hashed
 * eight bytes at a time and compared with {@link Arrays#equals(byte[], byte[])} (vectorized by the JIT), against a
 * table of Lake's own. The dictionary lives in that table alone (parquet-java's map, which hashed and compared
 * each new value again and copied it, stays empty): the next id for a new value, the dictionary page written from
 * the entries in id order and a fallback to plain encoding replaying them, as parquet-java does, so the file is the
 * same byte for byte.
 *
 * <pre>{@code
 * ValuesWriter writer = new BinaryDictionaryWriter(1 << 20, Encoding.PLAIN_DICTIONARY, Encoding.PLAIN_DICTIONARY,
 *     allocator);
 * writer.writeBytes(Binary.fromString("United Kingdom"));
 * }</pre>
 */
final class BinaryDictionaryWriter extends PlainBinaryDictionaryValuesWriter {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int EMPTY = 0;

  private byte[][] values = new byte[64][]; // by dictionary id
  private long[] slots = new long[128]; // hash in the high half, id + 1 in the low half; 0: empty
  private int size;
  private byte[] lastBytes; // the value before and its id: a value repeated row after row is not hashed again
  private int lastId;

  BinaryDictionaryWriter(int maxDictionaryByteSize, Encoding dataEncoding, Encoding dictionaryEncoding,
      ByteBufferAllocator allocator) {
    super(maxDictionaryByteSize, dataEncoding, dictionaryEncoding, allocator);
  }

  @Override
  public void writeBytes(Binary v) {
    byte[] bytes = bytes(v);
    if (bytes == lastBytes) {
      encodedValues.add(lastId);
      return;
    }
    int hash = hash(bytes);
    int mask = slots.length - 1;
    for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
      long entry = slots[slot];
      if (entry == EMPTY) {
        break;
      }
      if ((int) (entry >>> 32) == hash) {
        int id = (int) entry - 1;
        byte[] known = values[id];
        if (known == bytes || Arrays.equals(known, bytes)) {
          encodedValues.add(id);
          remember(bytes, id);
          return;
        }
      }
    }
    addNew(v, hash, bytes);
  }

  /**
   * A value not in the dictionary: what parquet-java's {@code writeBytes} does when its lookup misses (the next id,
   * the dictionary's size in bytes), in Lake's table only.
   */
  private void addNew(Binary v, int hash, byte[] bytes) {
    int id = size;
    dictionaryByteSize += 4 + v.length();
    encodedValues.add(id);
    add(hash, bytes, id);
    remember(bytes, id);
  }

  /** The dictionary page of the values the pages written so far use, in id order, as parquet-java writes it. */
  @Override
  public DictionaryPage toDictPageAndClose() {
    if (lastUsedDictionarySize == 0) {
      return null;
    }
    PlainValuesWriter page = new PlainValuesWriter(lastUsedDictionaryByteSize, maxDictionaryByteSize, allocator);
    for (int id = 0; id < lastUsedDictionarySize; id++) {
      page.writeBytes(Binary.fromConstantByteArray(values[id]));
    }
    return dictPage(page);
  }

  @Override
  public int getDictionarySize() {
    return size;
  }

  /** The values written so far, each as its dictionary entry, to the plain writer taking over. */
  @Override
  public void fallBackDictionaryEncodedData(ValuesWriter writer) {
    IntList.IntIterator ids = encodedValues.iterator();
    while (ids.hasNext()) {
      writer.writeBytes(Binary.fromConstantByteArray(values[ids.next()]));
    }
  }

  /** Only arrays that no one changes (the value's own constant array, or the copy made here) are remembered. */
  private void remember(byte[] bytes, int id) {
    lastBytes = bytes;
    lastId = id;
  }

  /** The value's bytes: its own array when it is a whole constant array (Lake's strings and decimals), else a copy. */
  private static byte[] bytes(Binary v) {
    return v.isBackingBytesReused() ? v.getBytes() : v.getBytesUnsafe();
  }

  private void add(int hash, byte[] bytes, int id) {
    if (id >= values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    values[id] = bytes;
    size = id + 1;
    if (size * 2 > slots.length) {
      rehash(slots.length * 2);
    } else {
      insert(slots, hash, id);
    }
  }

  private void rehash(int capacity) {
    long[] bigger = new long[capacity];
    for (int id = 0; id < size; id++) {
      insert(bigger, hash(values[id]), id);
    }
    slots = bigger;
  }

  private static void insert(long[] table, int hash, int id) {
    int mask = table.length - 1;
    int slot = mix(hash) & mask;
    while (table[slot] != EMPTY) {
      slot = (slot + 1) & mask;
    }
    table[slot] = ((long) hash << 32) | (id + 1L);
  }

  @Override
  protected void clearDictionaryContent() {
    Arrays.fill(values, 0, size, null);
    Arrays.fill(slots, EMPTY);
    size = 0;
    lastBytes = null;
  }

  /**
   * A hash of the bytes taken eight at a time, the last eight (overlapping the word before) at once; values shorter
   * than eight bytes as two overlapping four-byte halves, or byte by byte under four.
   */
  static int hash(byte[] bytes) {
    int n = bytes.length;
    long h = n * 0x9E3779B97F4A7C15L;
    long last;
    if (n >= Long.BYTES) {
      for (int i = 0; i + Long.BYTES < n; i += Long.BYTES) {
        h = (h ^ (long) LONGS.get(bytes, i)) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
      }
      last = (long) LONGS.get(bytes, n - Long.BYTES);
    } else if (n >= Integer.BYTES) {
      last = ((long) (int) INTS.get(bytes, 0) << 32) | ((int) INTS.get(bytes, n - Integer.BYTES) & 0xFFFFFFFFL);
    } else {
      last = 0;
      for (int i = 0; i < n; i++) {
        last = last << 8 | (bytes[i] & 0xFFL);
      }
    }
    h = (h ^ last) * 0xBF58476D1CE4E5B9L;
    return (int) (h ^ (h >>> 32));
  }

  private static int mix(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
