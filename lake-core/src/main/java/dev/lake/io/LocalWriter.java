package dev.lake.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A write to the {@code file://} store: bytes go to a hidden file beside the target; {@link #commit()} renames it into
 * place atomically, or, for a staged write, leaves it as the staged file ({@code .<name>.staged}) that a later publish
 * links into place. Closing without a commit deletes it.
 *
 * <pre>{@code
 * try (ObjectWriter out = new LocalWriter(target, target.resolveSibling(".x.tmp-1"))) {
 *   out.write(bytes);
 *   out.commit();
 * }
 * }</pre>
 */
final class LocalWriter extends ObjectWriter {
  private final Path target;
  private final Path temp;
  private final boolean stages;
  private final OutputStream out;
  private long position;
  private boolean done;
  private StagedObject staged;

  LocalWriter(Path target, Path temp) throws IOException {
    this(target, temp, false);
  }

  /** With {@code stages}, {@link #commit()} leaves the data in {@code temp} (the staged file) for a publish. */
  LocalWriter(Path target, Path temp, boolean stages) throws IOException {
    this.target = target;
    this.temp = temp;
    this.stages = stages;
    this.out = new BufferedOutputStream(Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW), 1 << 16);
  }

  @Override
  public void write(int b) throws IOException {
    ensureOpen();
    out.write(b);
    position++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    ensureOpen();
    out.write(b, off, len);
    position += len;
  }

  @Override
  public void flush() throws IOException {
    if (!done) {
      out.flush();
    }
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public void commit() throws IOException {
    ensureOpen();
    out.close();
    done = true;
    if (stages) {
      staged = StagedObject.builder().target(target.toUri()).bytes(position)
          .token(java.util.Map.of(LocalObjectStore.STAGED_NAME, temp.getFileName().toString())).build();
      return;
    }
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public StagedObject staged() {
    if (staged == null) {
      throw new IllegalStateException("Nothing staged yet for " + target + ": call commit() first");
    }
    return staged;
  }

  @Override
  public void close() throws IOException {
    if (!done) {
      done = true;
      try {
        out.close();
      } finally {
        Files.deleteIfExists(temp);
      }
    }
  }

  private void ensureOpen() throws IOException {
    if (done) {
      throw new IOException("Writer for " + target + " is already committed or closed");
    }
  }
}
