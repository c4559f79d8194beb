package dev.lake.io;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/** The default staging of {@link ObjectStore}: a hidden sibling object, moved into place when published. */
final class StagedObjects {
  static final String HIDDEN = "hidden";

  private StagedObjects() {}

  /** {@code dir/.name.staged}: hidden from Hive-style readers (leading '.') and from {@code *.parquet} globs. */
  static URI hiddenSibling(URI target) {
    String s = target.toString();
    int slash = s.lastIndexOf('/');
    return URI.create(s.substring(0, slash + 1) + "." + s.substring(slash + 1) + ".staged");
  }

  /** A writer into the hidden sibling whose commit stages the object. */
  static final class HiddenSiblingWriter extends ObjectWriter {
    private final ObjectWriter out;
    private final URI target;
    private final URI hidden;
    private StagedObject staged;

    HiddenSiblingWriter(ObjectWriter out, URI target, URI hidden) {
      this.out = out;
      this.target = target;
      this.hidden = hidden;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public long position() {
      return out.position();
    }

    @Override
    public void commit() throws IOException {
      long bytes = out.position();
      out.commit();
      staged = StagedObject.builder().target(target).bytes(bytes).token(Map.of(HIDDEN, hidden.toString())).build();
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
      out.close();
    }
  }
}
