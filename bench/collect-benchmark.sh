#!/usr/bin/env bash
# Collect benchmark (not a test): K workspaces of about MB megabytes each (many small files plus a few
# large ones) collected by CaaS's WorkspaceCollector (tar stream -> checksum-verified S3 objects ->
# manifest) beside a raw baseline measured in the same run: `docker cp` of every workspace to disk, then
# one `mc cp --recursive` to the same MinIO. Then the collector's heap high-water mark for a 1 MB and a
# 200 MB workspace, each in a fresh JVM.
#
#   bench/collect-benchmark.sh                 # 40 x 20 MB (the issue's size)
#   K=8 MB=5 BIG_MB=200 bench/collect-benchmark.sh   # quick run
#   SKIP_SPEED=1 bench/collect-benchmark.sh          # heap high-water only
#
# Needs: dockerd with caas/runtime-codeserver:4.139.1 and caas-local/minio:20260212-7aac2a2c5b7c,
# class-service test classes compiled (./mvnw -pl class-service -am test-compile). Run it under
# `flock /tmp/caas-docker.lock`. Everything it creates is labelled caas.bench=<run> and removed at exit.
set -euo pipefail

K=${K:-40}
MB=${MB:-20}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# a close collects provision-permits students at once; the baseline gets the same parallelism
PARALLEL=${PARALLEL:-$(sed -nE 's/^ *provision-permits: *([0-9]+).*/\1/p' "$ROOT/class-service/src/main/resources/application.yml")}
SMALL_MB=${SMALL_MB:-1}
BIG_MB=${BIG_MB:-200}
SKIP_HEAP=${SKIP_HEAP:-}
SKIP_SPEED=${SKIP_SPEED:-}
HEAP_XMX=${HEAP_XMX:-128m}
RUNTIME_IMAGE=${RUNTIME_IMAGE:-caas/runtime-codeserver:4.139.1}
MINIO_IMAGE=${MINIO_IMAGE:-caas-local/minio:20260212-7aac2a2c5b7c}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
RUN=bench$$
WS=/home/student/workspace
TMP=$(mktemp -d /tmp/caas-bench.XXXXXX)
USER_KEY=benchuser
SECRET=bench-secret-123

cleanup() {
  docker ps -aq --filter "label=caas.bench=$RUN" | xargs -r docker rm -f >/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
docker run -d --label "caas.bench=$RUN" -p "127.0.0.1:$port:9000" -e MINIO_ROOT_USER=$USER_KEY \
  -e MINIO_ROOT_PASSWORD=$SECRET "$MINIO_IMAGE" >/dev/null
until curl -fsS "http://127.0.0.1:$port/minio/health/live" >/dev/null 2>&1; do sleep 0.3; done
ENDPOINT=http://127.0.0.1:$port

# fill <container> <megabytes>: 70% in 64 KiB..256 KiB files, the rest in two large files
fill() {
  docker exec -u 1000 "$1" sh -c "
    mkdir -p $WS/src && cd $WS
    small=\$(( $2 * 1024 * 7 / 10 )); i=0
    while [ \$small -gt 0 ]; do i=\$((i+1)); kb=\$(( 64 + (i * 37) % 192 )); [ \$kb -gt \$small ] && kb=\$small
      head -c \$((kb * 1024)) /dev/urandom > src/f\$i.txt; small=\$((small - kb)); done
    big=\$(( $2 * 1024 * 3 / 10 / 2 ))
    head -c \$((big * 1024)) /dev/urandom > data1.bin; head -c \$((big * 1024)) /dev/urandom > data2.bin"
}

runtime() {
  docker run -d --label "caas.bench=$RUN" --network none --entrypoint sleep "$RUNTIME_IMAGE" infinity
}

# The collector's classes, copied so that a rebuild during the run changes nothing.
cp_file="$TMP/cp.txt"
(cd "$ROOT" && JAVA_HOME=$JAVA_HOME ./mvnw -B -ntp -o -q -pl class-service dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null)
cp -r "$ROOT/class-service/target/classes" "$TMP/classes"
cp -r "$ROOT/class-service/target/test-classes" "$TMP/test-classes"
CP="$TMP/test-classes:$TMP/classes:$(cat "$cp_file")"
bench() { local xmx=$1; shift; "$JAVA_HOME/bin/java" "-Xmx$xmx" -XX:+UseSerialGC -cp "$CP" \
  io.caas.classes.workspace.CollectBench "$ENDPOINT" $USER_KEY $SECRET "$@" >"$TMP/bench.out" 2>"$TMP/bench.err" \
  || { cat "$TMP/bench.err" >&2; exit 1; }; grep '^caas ' "$TMP/bench.out"; }

if [[ -z "$SKIP_SPEED" ]]; then
  echo "creating $K workspaces of $MB MB ..." >&2
  ids=()
  for _ in $(seq 1 "$K"); do ids+=("$(runtime)"); done
  for id in "${ids[@]}"; do fill "$id" "$MB"; done
  bytes=$(for id in "${ids[@]}"; do docker exec "$id" du -sb $WS | cut -f1; done | paste -sd+ | bc)

  # Baseline: docker cp to disk (PARALLEL at a time), then one mc cp --recursive to MinIO.
  start=$(date +%s.%N)
  printf '%s\n' "${ids[@]}" | xargs -P "$PARALLEL" -I{} sh -c "mkdir -p $TMP/base/{} && docker cp {}:$WS - | tar -x -C $TMP/base/{}"
  docker run --rm --label "caas.bench=$RUN" --network host -v "$TMP/base:/src:ro" --entrypoint sh "$MINIO_IMAGE" -c \
    "mc alias set b $ENDPOINT $USER_KEY $SECRET >/dev/null && mc mb -q b/baseline >/dev/null && mc cp -q -r /src/ b/baseline/ >/dev/null"
  base_s=$(echo "$(date +%s.%N) - $start" | bc)
  rm -rf "$TMP/base"

  # CaaS: the collector, as a close runs it.
  caas=$(bench 512m caas-bench "$PARALLEL" "${ids[@]}")
  phases=$(grep '^phases' "$TMP/bench.out" || true)
  caas_s=$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$caas")

  mb=$(echo "scale=1; $bytes / 1048576" | bc)
  base_rate=$(echo "scale=1; $bytes / 1048576 / $base_s" | bc)
  caas_rate=$(echo "scale=1; $bytes / 1048576 / $caas_s" | bc)
  ratio=$(echo "scale=0; 100 * $caas_rate / $base_rate" | bc)
  printf '\n| %-44s | %9s | %8s | %8s |\n' "what ($K workspaces, $mb MB, $PARALLEL at a time)" "seconds" "MB/s" "ratio"
  printf '|%s|%s|%s|%s|\n' "----------------------------------------------" "-----------" "----------" "----------"
  printf '| %-44s | %9.2f | %8s | %7s%% |\n' "docker cp + mc cp (baseline)" "$base_s" "$base_rate" 100
  printf '| %-44s | %9.2f | %8s | %7s%% |\n' "CaaS collect (verified, manifest)" "$caas_s" "$caas_rate" "$ratio"
  printf '(%s; load average at the end: %s)\n' "$(date -u +%FT%TZ)" "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%s\n' "$phases"
fi

if [[ -z "$SKIP_HEAP" ]]; then
  small=$(runtime); fill "$small" "$SMALL_MB"
  big=$(runtime); fill "$big" "$BIG_MB"
  h_small=$(bench "$HEAP_XMX" caas-heap 1 "$small" | sed -E 's/.*heap_peak_mb=([0-9.]+).*/\1/')
  h_big=$(bench "$HEAP_XMX" caas-heap 1 "$big" | sed -E 's/.*heap_peak_mb=([0-9.]+).*/\1/')
  printf '\n| %-44s | %14s |\n' "collector heap high-water (fresh JVM, -Xmx$HEAP_XMX)" "heap peak MB"
  printf '|%s|%s|\n' "----------------------------------------------" "----------------"
  printf '| %-44s | %14s |\n' "$SMALL_MB MB workspace" "$h_small" "$BIG_MB MB workspace" "$h_big" \
    "difference (target: within 64 MB)" "$(echo "$h_big - $h_small" | bc)"
fi
