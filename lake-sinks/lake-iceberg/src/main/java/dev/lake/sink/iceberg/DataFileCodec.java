package dev.lake.sink.iceberg;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.iceberg.DataFile;

/**
 * Carries Iceberg's descriptions of a writer's data files (path, partition, metrics) in the writer's result to the
 * commit, on the same machine or from a Spark task to the driver, as Iceberg's own Spark writer sends them: Java
 * serialization, here as Base64 text in {@link dev.lake.io.WriterResult#metadata()}.
 *
 * <pre>{@code
 * Map<String, String> meta = Map.of(DataFileCodec.KEY, DataFileCodec.encode(files));
 * List<DataFile> back = DataFileCodec.decode(meta.get(DataFileCodec.KEY));
 * }</pre>
 */
final class DataFileCodec {
  static final String KEY = "iceberg.data-files";

  private DataFileCodec() {}

  static String encode(List<DataFile> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new ArrayList<>(files));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot serialize Iceberg data files: " + e.getMessage(), e);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  @SuppressWarnings("unchecked")
  static List<DataFile> decode(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(text)))) {
      return (List<DataFile>) in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("Cannot read the Iceberg data files of a writer: " + e.getMessage(), e);
    }
  }
}
