#!/usr/bin/env bash
# Runs one benchmark: benchmarks/run.sh NAME [--option value ...]
# NAME: endtoend | overhead | engine | loader | memory (or a class name of org.fastai4j.benchmarks).
# Compiles the modules it needs (offline) and caches the classpath in benchmarks/target/cp.txt.
# Sets the same glibc allocator settings as bin/fastai4j (what users get); override by exporting them.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
name="${1:?usage: benchmarks/run.sh endtoend|overhead|engine|loader|memory [options]}"
shift
case "$name" in
  endtoend) cls=EndToEnd ;; overhead) cls=StepOverhead ;; engine) cls=EngineStep ;;
  loader) cls=LoaderBench ;; memory) cls=MemoryBench ;; *) cls="$name" ;;
esac
cp_file="$here/target/cp.txt"
if [ -z "${FASTAI4J_BENCH_NOBUILD:-}" ]; then
  (cd "$root" && ./mvnw -B -q -o -DskipTests -Dmaven.javadoc.skip=true test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/cp.txt -pl benchmarks -am) >&2
fi
cp="$here/target/classes:$(cat "$cp_file")"
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-1073741824}"
export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-1073741824}"
# OpenMP threads spin ~10 us, then sleep (what EngineSetup sets; see benchmarks/README.md)
if [ -z "${OMP_WAIT_POLICY:-}" ]; then export OMP_WAIT_POLICY=PASSIVE GOMP_SPINCOUNT="${GOMP_SPINCOUNT:-20000}"; fi
export FASTAI4J_BENCH_PY="$here/python"
cd "$root"
exec java ${FASTAI4J_JAVA_OPTS:--Xmx4g} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" "org.fastai4j.benchmarks.$cls" "$@"
