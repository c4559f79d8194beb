package dev.lake.internal.format;

/**
 * Holds the record model {@code dev.lake} installed for {@link RecordRows#installed()}.
 *
 * <pre>{@code
 * InstalledRecordRows.set(records);
 * RecordRows same = InstalledRecordRows.get();
 * }</pre>
 */
final class InstalledRecordRows {
  private static volatile RecordRows installed;

  private InstalledRecordRows() {}

  static void set(RecordRows records) {
    installed = records;
  }

  static RecordRows get() {
    RecordRows records = installed;
    if (records == null) {
      throw new IllegalStateException("Lake's record model is not loaded: it loads with dev.lake.Rows, "
          + "dev.lake.Schemas or dev.lake.Pipeline; use one of them before Java records reach a Columns step or "
          + "Buffer.jsonBytes()");
    }
    return records;
  }
}
