"""Allocation per conversion (BENCHMARKS.md, section 1, fifth pass): sums JFR jdk.ObjectAllocationSample weights of
the pipeline's threads (lake-*, main without AbDriver's own work) per conversion, and prints the top allocating
frames (the first frame outside java.*, jdk.*, sun.*) and classes.

usage: python3 alloc.py ALLOCATION_SAMPLES.json CONVERSIONS
(from `jfr print --json --events jdk.ObjectAllocationSample --stack-depth 12 REC.jfr`; CONVERSIONS counts warm-ups).
"""
import json, sys, collections
path, conversions = sys.argv[1], int(sys.argv[2])
d = json.load(open(path))
total = 0; by_site = collections.Counter(); by_class = collections.Counter()
for ev in d["recording"]["events"]:
    v = ev["values"]
    th = (v.get("eventThread") or {}).get("javaName") or ""
    st = (v.get("stackTrace") or {}).get("frames", [])
    fr = [f"{f['method']['type']['name'].replace('/', '.')}.{f['method']['name']}" for f in st]
    if th == "main" and any("AbDriver" in f for f in fr) and not any("VariantRun" in f for f in fr):
        continue
    if th != "main" and not th.startswith("lake-"):
        continue
    w = v["weight"]; total += w
    by_class[(v.get("objectClass") or {}).get("name", "?")] += w
    site = next((f for f in fr if not f.startswith(("java.", "jdk.", "sun."))), fr[0] if fr else "?")
    by_site[site] += w
print(f"{path}: {total / conversions / 1e6:.0f} MB allocated per conversion ({conversions} conversions sampled)")
for s, w in by_site.most_common(12):
    print(f"  {100 * w / total:5.1f}%  {w / conversions / 1e6:6.1f} MB  {s}")
print("  by class:")
for s, w in by_class.most_common(8):
    print(f"  {100 * w / total:5.1f}%  {w / conversions / 1e6:6.1f} MB  {s}")
