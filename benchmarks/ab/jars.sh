#!/bin/bash
# Builds one commit's Lake jars for AbDriver: lake-core, lake-source-files, lake-s3, lake-iceberg and
# lake-example-pipelines into OUT_DIR, and (once) the shared class path of everything else into OUT_DIR/../parent-cp.txt.
# usage: benchmarks/ab/jars.sh COMMIT OUT_DIR MAVEN_REPO      (run from the repository root; builds offline)
set -euo pipefail
commit=$1; out=$(realpath -m "$2"); repo=$(realpath -m "$3")
tree=$(mktemp -d)/tree
git worktree add --detach "$tree" "$commit" >/dev/null
trap 'git worktree remove --force "$tree"' EXIT
(cd "$tree" && mvn -B -q -o -Dmaven.repo.local="$repo" install -pl examples/pipelines -am -DskipTests \
    -Dinvoker.skip -Djapicmp.skip -Dmaven.javadoc.skip=true \
  && mvn -B -q -o -Dmaven.repo.local="$repo" dependency:build-classpath -Dmdep.outputFile="$out.cp" \
    -pl examples/pipelines)
mkdir -p "$out"
for f in $(tr ':' '\n' < "$out.cp" | grep "/dev/lake/"); do cp -p "$f" "$out/"; done
cp -p $(ls "$tree"/examples/pipelines/target/lake-example-pipelines-*.jar | grep -v -- -tests.jar) "$out/"
parent="$(dirname "$out")/parent-cp.txt"
if [ ! -f "$parent" ]; then
  duck=$(find "$repo/org/duckdb/duckdb_jdbc" -name 'duckdb_jdbc-*.jar' | sort | tail -1)
  echo "$(tr ':' '\n' < "$out.cp" | grep -v "/dev/lake/" | paste -sd:):$duck" > "$parent"
fi
