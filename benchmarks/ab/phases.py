"""Where the time goes: JFR samples of an Online Retail conversion, by phase (BENCHMARKS.md, section 1).

usage: python3 phases.py EXECUTION_SAMPLES.json NATIVE_SAMPLES.json
(from `jfr print --json --events jdk.ExecutionSample|jdk.NativeMethodSample --stack-depth 64 REC.jfr`).
A sample goes to the first phase in RULES that any frame of its stack names; native samples weigh 2 (JFR's profile
settings take them every 20 ms, Java samples every 10 ms). Only the pipeline's threads (lake-*) and main count,
without AbDriver's own work on main (deleting output, DuckDB's calls).
"""
import json, sys, collections, subprocess
RULES = [
 ("gzip inflate (Inflater, native)", ["java.util.zip.Inflater"]),
 ("Snappy compression (native)", ["org.xerial.snappy"]),
 ("file I/O (reads, writes, directories)", ["sun.nio.ch.FileDispatcherImpl", "sun.nio.fs.UnixNativeDispatcher", "sun.nio.ch.FileChannelImpl", "java.io.RandomAccessFile", "java.io.FileOutputStream", "java.io.FileInputStream"]),
 ("Parquet dictionary lookups (DictionaryValuesWriter, Lake's BinaryDictionaryWriter)", ["org.apache.parquet.column.values.dictionary.DictionaryValuesWriter", "dev.lake.internal.format.BinaryDictionaryWriter"]),
 ("Parquet page/row-group flush (encoding, footer)", ["org.apache.parquet.hadoop.InternalParquetRecordWriter.flushRowGroupToStore", "org.apache.parquet.column.impl.ColumnWriteStoreBase.flush", "org.apache.parquet.hadoop.ParquetFileWriter", "org.apache.parquet.column.impl.ColumnWriterBase.writePage", "org.apache.parquet.hadoop.ParquetWriter.close", "org.apache.parquet.column.impl.ColumnWriteStoreBase.sizeCheck"]),
 ("Parquet column writers, other (levels, RLE/bit packing, statistics)", ["org.apache.parquet.column", "org.apache.parquet.io.MessageColumnIO", "org.apache.parquet.schema", "org.apache.parquet.hadoop.InternalParquetRecordWriter"]),
 ("record -> Parquet values (RecordColumnsWriteSupport, decimal bytes)", ["dev.lake.internal.format.RecordColumnsWriteSupport", "org.apache.parquet.avro", "org.apache.avro.Conversions", "dev.lake.internal.format"]),
 ("CSV lines and fields (TextLines, CsvRecords)", ["dev.lake.source.files.TextLines", "dev.lake.source.files.CsvRecords", "dev.lake.internal.format.Decoding"]),
 ("value conversion (text -> int, long, decimal, timestamp; building the Sale record)", ["dev.lake.RowFactories", "dev.lake.Coercions", "dev.lake.GenericRows", "dev.lake.RecordAccessors", "dev.lake.RecordSchemas", "dev.lake.RowModel", "dev.lake.internal.values", "dev.lake.source.files.CsvFileReader", "dev.lake.source.files.FilesReader"]),
 ("commit (stage, publish, manifests), planning", ["dev.lake.internal.lake.PipelineCommit", "dev.lake.internal.lake.StateLog", "dev.lake.internal.runner.RunCommit", "dev.lake.internal.lake.DatasetCommit", "dev.lake.internal.lake.ManifestStore", "dev.lake.internal.runner.Planner"]),
 ("sink routing (partition values, open file per partition)", ["dev.lake.internal.lake", "dev.lake.internal.sink"]),
 ("the example's map (RetailRow.of)", ["dev.lake.examples"]),
 ("runner loop, other Lake", ["dev.lake."]),
 ("class loading and linkage", ["java.lang.ClassLoader", "jdk.internal.loader"]),
]
def frames(ev):
    st = ev["values"]["stackTrace"] or {}
    return [f"{f['method']['type']['name'].replace('/', '.')}.{f['method']['name']}" for f in st.get("frames", [])]
counts = collections.Counter(); total = 0
for path, weight in ((sys.argv[1], 1), (sys.argv[2], 2)):
    d = json.load(open(path))
    for ev in d["recording"]["events"]:
        th = (ev["values"].get("sampledThread") or {}).get("javaName") or ""
        fr = frames(ev)
        if th == "main" and any("AbDriver" in f for f in fr) and not any("VariantRun" in f for f in fr):
            continue  # the driver's own deleting and counting
        if th not in ("main",) and not th.startswith("lake-"):
            continue
        label = "other (JDK, JIT'd glue)"
        for name, prefixes in RULES:
            if any(f.startswith(p) for f in fr for p in prefixes):
                label = name; break
        counts[label] += weight; total += weight
print(f"weighted samples: {total}")
for k, v in counts.most_common():
    print(f"| {k} | {100*v/total:.1f}% |")
