#!/bin/bash
# A fresh JVM's Online Retail conversion (issue 21, item 3) for several builds, interleaved: A B A B ... RUNS rounds,
# each run a new `java` process (JVM defaults unless JAVA_OPTS says otherwise) on a new lake directory, measured by
# /usr/bin/time: wall, CPU (user + sys) and peak RSS per run, then medians per build.
# usage: benchmarks/ab/fresh.sh DATA_DIR TMP RUNS LABEL=JAR_DIR [LABEL=JAR_DIR ...]
#   (JAR_DIR as built by jars.sh; its ../parent-cp.txt holds the shared class path)   run from the repository root
set -euo pipefail
data=$1; tmp=$(realpath -m "$2"); runs=$3; shift 3
mkdir -p "$tmp/classes"
first=${1#*=}
javac -d "$tmp/classes" -cp "$(ls "$first"/*.jar | paste -sd:)" benchmarks/ab/Convert.java
for i in $(seq 1 "$runs"); do
  for v in "$@"; do
    label=${v%%=*}; dir=${v#*=}
    cp="$(ls "$dir"/*.jar | paste -sd:):$(cat "$(dirname "$(realpath "$dir")")/parent-cp.txt"):$tmp/classes"
    rm -rf "$tmp/lake"
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/time.txt" java ${JAVA_OPTS:-} -cp "$cp" Convert "$data" "$tmp/lake" \
      > "$tmp/out.txt"
    read -r wall user sys rss < "$tmp/time.txt"
    echo "FRESH $label $i wall=$wall cpu=$(echo "$user + $sys" | bc) rss_mb=$((rss / 1024)) \
load=$(cut -d' ' -f1 /proc/loadavg) $(cat "$tmp/out.txt")"
  done
done | tee "$tmp/fresh.txt"
for v in "$@"; do
  label=${v%%=*}
  grep "^FRESH $label " "$tmp/fresh.txt" | python3 -c "
import sys, statistics as s
rows = [dict(kv.split('=') for kv in l.split()[3:7]) for l in sys.stdin]
print('SUMMARY $label runs=%d wall_median=%.2f cpu_median=%.2f rss_mb_median=%d' % (len(rows),
  s.median(float(r['wall']) for r in rows), s.median(float(r['cpu']) for r in rows),
  s.median(int(r['rss_mb']) for r in rows)))"
done
