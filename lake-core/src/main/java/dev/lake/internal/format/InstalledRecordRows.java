package dev.lake.internal.format;

/**
 * Holds the record model {@code dev.lake} installed for {@link RecordRows#installed()}; loads
 * {@code dev.lake.RecordModel} (which installs itself) when asked before anything of it was used.
 *
 * <pre>{@code
 * InstalledRecordRows.set(records);
 * RecordRows same = InstalledRecordRows.get();
 * }</pre>
 */
final class InstalledRecordRows {
  private static final String RECORD_MODEL = "dev.lake.RecordModel";
  private static volatile RecordRows installed;

  private InstalledRecordRows() {}

  static void set(RecordRows records) {
    installed = records;
  }

  static RecordRows get() {
    RecordRows records = installed;
    if (records == null) {
      // Nothing of dev.lake's record model used yet (a Columns step tested on its own): load it, which installs it.
      // Only initialization goes by name; every use goes through the RecordRows interface.
      loadByName();
      records = installed;
    }
    if (records == null) {
      throw new IllegalStateException("Lake's record model is not loaded: it loads with dev.lake.Rows, "
          + "dev.lake.Schemas or dev.lake.Pipeline; use one of them before Java records reach a Columns step or "
          + "Buffer.jsonBytes()");
    }
    return records;
  }

  private static void loadByName() {
    try {
      Class.forName(RECORD_MODEL, true, InstalledRecordRows.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      // not there (lake-core incomplete): the caller's error says what is missing
    }
  }
}
