#!/usr/bin/env bash
# How fast a class opens, measured against the floor, and what idle IDEs cost. Needs a running stack
# (e.g. CAAS_PROJECT=caas-bench HTTP_PORT=18090 CAAS_INSTALLATION_ID=bench CAAS_SPRING_PROFILES=demo
# bin/caas-up) and root (reads container cgroups). For each N it measures, in the same run:
#   nets   the class's student networks already made when the open is requested: PREPARE_NETWORKS makes them
#          as soon as the class is created with its roster (the script waits for them, at most
#          BENCH_PREPARE_WAIT=60 s, then for a settled host); with PREPARE_NETWORKS=false the open makes them,
#          inside the clock (nets 0)
#   open   seconds from POST /up until every IDE hostname answers /healthz through Traefik
#   reopen the same class opened again after its close (and after the floors): its student networks were
#          kept (KEPT_NETWORKS), as for a class that meets every week; /floor is reopen / floor
#   seq    one `docker run` at a time of the same image, each until its /healthz answers
#   floor  N `docker run` at once until every /healthz answers (what the host can do at best)
#   iso    the floor with CaaS's isolation: inside the clock, each runtime's own network is made and a stand-in
#          for Traefik (an idle container) joined to it before its `docker run`, all N at once. What one network
#          per student costs the engine by itself; CaaS cannot beat it (BENCH_SKIP_ISO=1 leaves it out)
#   cpu    host CPU points (the whole machine = 100) per idle IDE: /proc/stat over IDLE_SECONDS with the class
#          open and nobody connected, minus the same with nothing open, divided by N
#   own cpu  the same window read from the idle runtimes' own cgroups (cpuacct), per IDE: what the IDEs
#          themselves cost, unaffected by other work on a shared host (cpu includes Traefik, the engine, us)
#   rss    resident memory per idle IDE (cgroup total_rss) and of the class-service container
#   engine seconds from the request until the last student left the engine work (step STARTING, from
#          class-service's log): what the orchestrator itself costs before the runtimes boot
#   ready  seconds from the request until the operation said the last student READY
#   load   the host's 1-minute load average before and after the row (the machine is shared)
#   cpu-s  host CPU seconds (all cores; /proc/stat user, nice, system, irq, softirq, not steal) from the
#          request until every IDE answered, for the open, the floor and the reopen (open/floor/reopen): an
#          open of 40 is CPU-bound (its seconds are about its CPU-s / cores), so this says how much of a
#          ratio is work and how much the host's pace that minute
#   restarts  engine restarts of the runtimes (RestartCount summed) while CaaS opened / while the floor booted:
#          a code-server that does not come up in time exits and the restart policy starts it again
# The floor's and the loop's runtimes get what CaaS gives a runtime of the default template: same image, init,
# uid, 1 GB memory (no swap), 1 CPU, 512 pids, no capabilities, no-new-privileges, restart unless-stopped, and a
# disk bound (BENCH_DISK_LIMIT=4G, the template's diskLimit; set it empty on an engine without storage-opt size).
# Answers are awaited by bench/await_answers.py: every IDE polled at once every BENCH_POLL (0.5 s), for CaaS and
# for the floor alike, so the measurement itself does not grow with N.
# Env: BENCH_N="10 20 40", HTTP_PORT, DOMAIN_SUFFIX, CAAS_PROJECT, TEACHER, DEMO_PASSWORD, PROBE_TOKEN (the
#      stack's; IDE hosts answer /healthz through the edge only with it, as class-service probes them),
#      RUNTIME_IMAGE, IDLE_SECONDS=30, BENCH_SKIP_SEQ=1 to leave out the sequential loop,
#      BENCH_TIMEOUT=600 (seconds any one wait may take), BENCH_POLL=0.5 (seconds between probes of one IDE),
#      BENCH_SKIP_ISO=1 to leave out the isolated floor, BENCH_PREPARE_WAIT=60 (0 with PREPARE_NETWORKS=false),
#      BENCH_DISK_LIMIT=4G, BENCH_CLASS_PREFIX=bench (class ids are <prefix><run>r<row>n<N>, so
#      BENCH_N may repeat a size, e.g. "10 40 40 40": the spread between rows is part of the result),
#      BENCH_SETTLE_BUSY=30, BENCH_SETTLE_MAX=90: before every timed phase (open, floor, iso, seq) the script
#      waits until the host was under BENCH_SETTLE_BUSY percent busy for 2 s (at most BENCH_SETTLE_MAX s).
set -euo pipefail

PORT=${HTTP_PORT:-80}
DOMAIN=${DOMAIN_SUFFIX:-caas.localhost}
PROJECT=${CAAS_PROJECT:-caas}
TEACHER=${TEACHER:-teacher1}
PASSWORD=${DEMO_PASSWORD:-caas-demo}
export PROBE_TOKEN=${PROBE_TOKEN:-caas-demo-probe-token}
IMAGE=${RUNTIME_IMAGE:-caas/runtime-codeserver:4.139.1-r2}
IDLE=${IDLE_SECONDS:-30}
RUN=$(head -c4 /dev/urandom | od -An -tx1 | tr -d ' \n')
EDGE="http://127.0.0.1:$PORT"
CORES=$(nproc)
TIMEOUT=${BENCH_TIMEOUT:-600}
POLL=${BENCH_POLL:-0.5}
DISK=${BENCH_DISK_LIMIT-4G}
HERE=$(cd "$(dirname "$0")" && pwd)

api() { curl -fsS -H "Host: app.$DOMAIN" -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" "$@"; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.1f}')"; }

# The student networks CaaS kept for this run's classes whose name contains $1 (Traefik leaves them first).
remove_class_networks() {
  local id c
  for id in $(docker network ls -q --filter label=caas.managed=true --filter "name=-${BENCH_CLASS_PREFIX:-bench}${RUN}r$1"); do
    for c in $(docker network inspect -f '{{range $k, $v := .Containers}}{{$v.Name}} {{end}}' "$id" 2>/dev/null); do
      docker network disconnect -f "$id" "$c" >/dev/null 2>&1 || true
    done
    docker network rm "$id" >/dev/null 2>&1 || true
  done
}

cleanup() {
  docker ps -aq --filter "label=caas.bench=$RUN" | xargs -r docker rm -f >/dev/null 2>&1 || true
  docker network ls -q --filter "label=caas.bench=$RUN" | xargs -r docker network rm >/dev/null 2>&1 || true
  remove_class_networks ""
}
trap cleanup EXIT

# Busy share of all cores over IDLE seconds, in points (0..100).
cpu_points() {
  local a b
  a=($(head -1 /proc/stat)); sleep "$IDLE"; b=($(head -1 /proc/stat))
  python3 - "${a[*]:1}" "${b[*]:1}" <<'PY'
import sys
a = list(map(int, sys.argv[1].split())); b = list(map(int, sys.argv[2].split()))
d = [y - x for x, y in zip(a, b)]
idle = d[3] + d[4]
print(f"{100.0 * (sum(d) - idle) / sum(d):.2f}")
PY
}

rss_mib() { # total_rss of the given containers' memory cgroups (cgroup v1, cgroupfs driver)
  local total=0 id f
  for id in "$@"; do
    id=$(docker inspect -f '{{.Id}}' "$id")
    f=/sys/fs/cgroup/memory/docker/$id/memory.stat
    [[ -f $f ]] || f=$(find /sys/fs/cgroup/memory -path "*$id*" -name memory.stat | head -1)
    total=$((total + $(awk '$1=="total_rss"{print $2}' "$f")))
  done
  echo $((total / 1048576))
}

cpu_ns() { # CPU time the given containers' cgroups used so far, summed (cgroup v1 cpuacct)
  local total=0 id f
  for id in "$@"; do
    id=$(docker inspect -f '{{.Id}}' "$id")
    f=/sys/fs/cgroup/cpuacct/docker/$id/cpuacct.usage
    [[ -f $f ]] || f=$(find /sys/fs/cgroup/cpuacct -path "*$id*" -name cpuacct.usage | head -1)
    total=$((total + $(cat "$f")))
  done
  echo "$total"
}

load1() { cut -d' ' -f1 /proc/loadavg; }

busy_cpu_s() { awk -v hz="$(getconf CLK_TCK)" 'NR == 1 {print ($2 + $3 + $4 + $7 + $8) / hz}' /proc/stat; }

# Before each timed phase: wait (at most BENCH_SETTLE_MAX seconds) until the host was below BENCH_SETTLE_BUSY
# percent busy for two one-second samples in a row, so no phase pays for the one before (the engine and the
# filesystem go on removing the previous phase's containers for seconds after `docker rm` returned).
settle() {
  local quiet=0 deadline=$((SECONDS + ${BENCH_SETTLE_MAX:-90})) a b
  while ((quiet < 2 && SECONDS < deadline)); do
    a=($(head -1 /proc/stat)); sleep 1; b=($(head -1 /proc/stat))
    if python3 - "${a[*]:1}" "${b[*]:1}" "${BENCH_SETTLE_BUSY:-30}" <<'PY'
import sys
a = list(map(int, sys.argv[1].split())); b = list(map(int, sys.argv[2].split()))
d = [y - x for x, y in zip(a, b)]
sys.exit(0 if 100.0 * (sum(d) - d[3] - d[4]) / max(sum(d), 1) < float(sys.argv[3]) else 1)
PY
    then quiet=$((quiet + 1)); else quiet=0; fi
  done
  ((quiet >= 2)) || echo "note: the host stayed busier than ${BENCH_SETTLE_BUSY:-30}% for ${BENCH_SETTLE_MAX:-90}s; measuring anyway" >&2
}

await_all_ides() { # t0 classId n
  for s in $(seq 1 "$3"); do echo "$EDGE/healthz $2-s$s-ide.$DOMAIN"; done \
    | python3 "$HERE/await_answers.py" "$1" "$TIMEOUT" "$POLL"
}

# Seconds from t0 until the last "student step ... step=<step>" of the class in class-service's log.
last_step() { # t0 classId step
  docker logs --timestamps --since "$(date -u -d "@${1%.*}" +%Y-%m-%dT%H:%M:%SZ)" "$CLASS_SERVICE" 2>&1 \
    | grep "student step classId=$2 " | grep "step=$3" | tail -1 | cut -d' ' -f1 \
    | python3 -c "import sys,datetime; t=sys.stdin.read().strip(); print('-' if not t else f'{datetime.datetime.fromisoformat(t[:26]+\"+00:00\").timestamp() - $1:.1f}')"
}

await_operation() { # a failed poll (the edge refused a connection once during a run) is polled again
  local state=RUNNING deadline=$((SECONDS + TIMEOUT))
  while [[ $state == RUNNING || -z $state ]] && ((SECONDS < deadline)); do
    sleep 0.5
    state=$(api "$EDGE/api/operations/$1" 2>/dev/null | json '["state"]' 2>/dev/null) || state=
  done
  echo "${state:-unknown}"
}

run_runtime() { # name network
  docker run -d --name "$1" --network "$2" --label "caas.bench=$RUN" --init --user 1000 --no-healthcheck \
    --memory 1g --memory-swap 1g --cpus 1 --pids-limit 512 --cap-drop ALL \
    --security-opt no-new-privileges --restart unless-stopped ${DISK:+--storage-opt "size=$DISK"} "$IMAGE" >/dev/null
}

# dockerd 20.10 sometimes keeps a removed container's endpoint ("has active endpoints"): such a network is
# left to the exit trap (and is labelled), the run goes on.
remove_networks() {
  docker network rm "$@" >/dev/null 2>&1 || echo "note: a network kept a stale endpoint; removed at exit if it can be" >&2
}

restart_count() { # containers... -> RestartCount summed
  docker inspect -f '{{.RestartCount}}' "$@" | awk '{s += $1} END {print s + 0}'
}

await_direct() { # t0 names...
  local t0=$1; shift
  docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$@" \
    | sed 's|.*|http://&:8080/healthz|' | python3 "$HERE/await_answers.py" "$t0" "$TIMEOUT" "$POLL"
}

# The engine's address pool hands out /28 networks (13 runtimes each): the floor spreads its runtimes
# over as many networks as it needs, created before the clock starts.
floor() { # n
  local nets=() names=() t0 i net
  for i in $(seq 0 $((($1 - 1) / 12))); do
    net="bench-$RUN-r$row-floor-$1-$i"; nets+=("$net")
    docker network create --label "caas.bench=$RUN" "$net" >/dev/null
  done
  settle
  t0=$(now)
  local c0; c0=$(busy_cpu_s)
  for i in $(seq 1 "$1"); do
    names+=("bench-$RUN-r$row-f$1-$i"); run_runtime "bench-$RUN-r$row-f$1-$i" "${nets[$(((i - 1) / 12))]}" &
  done
  wait
  local took
  took=$(await_direct "$t0" "${names[@]}") || took=failed
  echo "$took $(restart_count "${names[@]}") $(secs "$c0" "$(busy_cpu_s)")"
  docker rm -f "${names[@]}" >/dev/null; remove_networks "${nets[@]}"
}

floor_isolated() { # n: the floor plus one network per runtime and a hub joined to each, made inside the clock
  local names=() t0 i hub="bench-$RUN-r$row-hub-$1"
  docker run -d --name "$hub" --label "caas.bench=$RUN" --entrypoint sleep "$IMAGE" infinity >/dev/null
  settle
  t0=$(now)
  for i in $(seq 1 "$1"); do
    names+=("bench-$RUN-r$row-i$1-$i")
    ( docker network create --label "caas.bench=$RUN" "bench-$RUN-r$row-iso-$1-$i" >/dev/null \
      && docker network connect "bench-$RUN-r$row-iso-$1-$i" "$hub" \
      && run_runtime "bench-$RUN-r$row-i$1-$i" "bench-$RUN-r$row-iso-$1-$i" ) &
  done
  wait
  local took
  took=$(await_direct "$t0" "${names[@]}") || took=failed
  echo "$took"
  docker rm -f "${names[@]}" "$hub" >/dev/null
  remove_networks $(docker network ls -q --filter "label=caas.bench=$RUN" --filter "name=bench-$RUN-r$row-iso-$1-")
}

sequential() { # n
  local nets=() names=() t0 i net
  for i in $(seq 0 $((($1 - 1) / 12))); do
    net="bench-$RUN-r$row-seq-$1-$i"; nets+=("$net")
    docker network create --label "caas.bench=$RUN" "$net" >/dev/null
  done
  settle
  t0=$(now)
  for i in $(seq 1 "$1"); do
    names+=("bench-$RUN-r$row-s$1-$i"); run_runtime "bench-$RUN-r$row-s$1-$i" "${nets[$(((i - 1) / 12))]}"
    await_direct "$t0" "bench-$RUN-r$row-s$1-$i" >/dev/null
  done
  secs "$t0" "$(now)"
  docker rm -f "${names[@]}" >/dev/null; remove_networks "${nets[@]}"
}

TOKEN=$(curl -fsS -H "Host: app.$DOMAIN" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$TEACHER\",\"password\":\"$PASSWORD\"}" "$EDGE/api/auth/login" | json '["accessToken"]')
CLASS_SERVICE=$(docker ps -q --filter "label=com.docker.compose.project=$PROJECT" \
  --filter "label=com.docker.compose.service=class-service" | head -1)
[[ -n $CLASS_SERVICE ]] || { echo "no class-service container in compose project $PROJECT" >&2; exit 1; }

echo "baseline: host CPU with nothing open, over ${IDLE}s ..." >&2
BASE=$(cpu_points)
rows=()
for N in ${BENCH_N:-10 20 40}; do
  row=$((${row:-0} + 1))
  cls="${BENCH_CLASS_PREFIX:-bench}${RUN}r${row}n$N"
  students=$(python3 -c "import json; print(json.dumps(['s%d' % i for i in range(1, $N + 1)]))")
  api -d "{\"classId\":\"$cls\",\"name\":\"bench\",\"subject\":\"cs\",\"templateId\":\"codeserver\",\"students\":$students}" \
    "$EDGE/api/classes" >/dev/null
  # PREPARE_NETWORKS makes the class's networks in the background: give it up to BENCH_PREPARE_WAIT
  # seconds (a class is usually created days before its first lesson); `nets` says how many were there
  for _ in $(seq 1 "${BENCH_PREPARE_WAIT:-60}"); do
    (($(docker network ls -q --filter "label=caas.class=$cls" | wc -l) >= N)) && break
    sleep 1
  done
  settle
  load_before=$(load1)
  ahead=$(docker network ls -q --filter "label=caas.class=$cls" | wc -l)
  echo "N=$N: open through CaaS (load $load_before; $ahead of $N student networks made before the request) ..." >&2
  t0=$(now)
  c0=$(busy_cpu_s)
  op=$(api -X POST "$EDGE/api/classes/$cls/up" | json '["operationId"]')
  open=$(await_all_ides "$t0" "$cls" "$N")
  open_cpu=$(secs "$c0" "$(busy_cpu_s)")
  state=$(await_operation "$op")
  engine=$(last_step "$t0" "$cls" STARTING)
  ready=$(last_step "$t0" "$cls" READY)
  echo "N=$N: opened in ${open}s (operation $state); idle CPU over ${IDLE}s ..." >&2
  ids=$(docker ps -q --filter "label=caas.class=$cls")
  own0=$(cpu_ns $ids)
  busy=$(cpu_points)
  own=$(python3 -c "print(f'{100.0 * ($(cpu_ns $ids) - $own0) / ($IDLE * 1e9 * $CORES) / $N:.3f}')")
  restarts=$(restart_count $ids)
  rss=$(rss_mib $ids)
  cs_rss=$(rss_mib "$CLASS_SERVICE")
  down=$(api -X POST "$EDGE/api/classes/$cls/down" | json '["operationId"]')
  echo "N=$N: closed ($(await_operation "$down")); floor ..." >&2
  read -r fl fl_restarts fl_cpu <<<"$(floor "$N")"
  echo "N=$N: floor ${fl}s ($fl_restarts restarts); CaaS runtimes restarted $restarts times" >&2
  if [[ ${BENCH_SKIP_ISO:-0} == 1 ]]; then iso=-; else echo "N=$N: floor with a network per runtime ..." >&2; iso=$(floor_isolated "$N"); fi
  echo "N=$N: isolated floor ${iso}s" >&2
  # The class again, as a teacher opens it the next lesson: its student networks were kept at close
  # (KEPT_NETWORKS), so the engine only makes and starts the runtimes.
  kept=$(docker network ls -q --filter "label=caas.class=$cls" | wc -l)
  [[ $kept == "$N" ]] || echo "warning: $kept of $N student networks were kept (KEPT_NETWORKS?): the reopen makes the rest" >&2
  settle
  echo "N=$N: reopen through CaaS ($kept networks kept) ..." >&2
  t0=$(now)
  c0=$(busy_cpu_s)
  op=$(api -X POST "$EDGE/api/classes/$cls/up" | json '["operationId"]')
  reopen=$(await_all_ides "$t0" "$cls" "$N")
  reopen_cpu=$(secs "$c0" "$(busy_cpu_s)")
  echo "N=$N: reopened in ${reopen}s (operation $(await_operation "$op"))" >&2
  down=$(api -X POST "$EDGE/api/classes/$cls/down" | json '["operationId"]')
  echo "N=$N: closed again ($(await_operation "$down"))" >&2
  # The class's kept networks go now, not at exit: within KEPT_NETWORKS (100), the next row's class
  # would otherwise find no free places for its own and make some inside its clock.
  remove_class_networks "${row}n$N-"
  if [[ ${BENCH_SKIP_SEQ:-0} == 1 ]]; then sq=-; else echo "N=$N: sequential ..." >&2; sq=$(sequential "$N"); fi
  echo "N=$N: sequential ${sq}s" >&2
  rows+=("$(python3 - "$N" "$open" "$sq" "$fl" "$BASE" "$busy" "$CORES" "$rss" "$cs_rss" "$engine" "$ready" "$load_before" "$(load1)" "$restarts/${fl_restarts:--}" "$own" "$iso" "$reopen" "$ahead" "$open_cpu/${fl_cpu:--}/$reopen_cpu" <<'PY'
import sys
n, op, sq, fl, base, busy, cores, rss, cs, engine, ready, l0, l1, rs, own, iso, re, nets, cpus = sys.argv[1:]
n = int(n); cores = int(cores)
per = (float(busy) - float(base)) / n
fl = fl or "failed"  # the floor's runtimes did not all answer (see its stderr)
ratio = f"{float(op) / float(fl):.2f}" if fl != "failed" else "-"
iso_ratio = f"{float(op) / float(iso):.2f}" if iso not in ("-", "failed", "") else "-"
re_ratio = f"{float(re) / float(fl):.2f}" if fl != "failed" else "-"
print(f"| {n:>3} | {nets:>4} | {op:>7} | {re:>7} | {re_ratio:>6} | {engine:>6} | {ready:>6} | {sq:>7} | {fl:>7} | {ratio:>6} | {iso:>5} | {iso_ratio:>6} | {per:>9.2f} | {int(rss) / n:>7.0f} | {cs:>9} | {l0:>5}-{l1:<5} | {rs:>8} | {own:>7} | {cpus:>17} |")
PY
)")
done
echo
echo "Open through CaaS vs the floor, $(nproc) cores, image $IMAGE, idle window ${IDLE}s"
echo "cpu = host CPU points (whole machine = 100) per idle IDE; rss in MiB"
echo "permits $(docker inspect -f '{{range .Config.Env}}{{println .}}{{end}}' "$CLASS_SERVICE" | grep -s PROVISION_PERMITS || echo default)"
echo "|   N | nets | open s  | reopen | /floor | engine | ready  | seq s   | floor s | ratio  | iso s | /iso   | cpu/IDE   | rss/IDE | cs rss    | load        | restarts | own cpu | cpu-s o/f/r       |"
echo "|----:|-----:|--------:|-------:|-------:|-------:|-------:|--------:|--------:|-------:|------:|-------:|----------:|--------:|----------:|------------:|---------:|--------:|------------------:|"
printf '%s\n' "${rows[@]}"
