package dev.lake.spark;

import dev.lake.exceptions.LakeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;

/**
 * Java serialization to and from bytes, resolving classes through the thread's context class loader (on an executor,
 * the one that loaded the job jar), with errors that name what could not travel.
 *
 * <pre>{@code
 * byte[] bytes = JavaBytes.of(plan);
 * RunnerPlan again = JavaBytes.read(bytes, RunnerPlan.class);
 * }</pre>
 */
final class JavaBytes {
  private JavaBytes() {}

  static byte[] of(Serializable value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new LakeException("Cannot send " + value.getClass().getSimpleName() + " to Spark executors: "
          + e + ". Every source, step function, lookup table and sink of the pipeline must be serializable, and so "
          + "must an aggregate's keys and accumulators (tasks return them to the driver)", e);
    }
    return bytes.toByteArray();
  }

  static <T> T read(byte[] bytes, Class<T> type) {
    try (ObjectInputStream in = new ContextObjectInputStream(new ByteArrayInputStream(bytes))) {
      return type.cast(in.readObject());
    } catch (IOException | ClassNotFoundException e) {
      throw new LakeException("Cannot read a " + type.getSimpleName() + " sent by the Spark driver: " + e
          + ". Is the job jar (with the pipeline's classes) on the executors' class path?", e);
    }
  }

  private static final class ContextObjectInputStream extends ObjectInputStream {
    ContextObjectInputStream(InputStream in) throws IOException {
      super(in);
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      if (loader != null) {
        try {
          return Class.forName(desc.getName(), false, loader);
        } catch (ClassNotFoundException e) {
          // fall back to the default resolution (primitives, bootstrap classes)
        }
      }
      return super.resolveClass(desc);
    }
  }
}
