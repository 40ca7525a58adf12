# engine: Docker Engine (Debian docker.io) running with our daemon.json, and the
# Docker Compose v2 CLI plugin built from the Go module proxy.

# /28 networks: one per student runtime (the runtime, Traefik, the gateway), 4096 in the pool.
# Storage: the btrfs driver on a btrfs filesystem of our own (see engine_storage), so that every runtime's
# disk can be bounded by its template (`--storage-opt size`, a btrfs qgroup per container).
DOCKER_DATA_ROOT=${CAAS_DOCKER_DATA_ROOT:-/var/lib/caas/docker}
DOCKER_FS_IMAGE=${CAAS_DOCKER_FS_IMAGE:-/var/lib/caas/docker-btrfs.img}
DAEMON_JSON_WANT='{
  "data-root": "'"$DOCKER_DATA_ROOT"'",
  "storage-driver": "btrfs",
  "default-address-pools": [{"base": "10.201.0.0/16", "size": 28}],
  "log-driver": "json-file",
  "log-opts": {"max-size": "10m", "max-file": "3"}
}'

ENGINE_CHANGED=0

step_engine() {
  apt_ensure docker.io ca-certificates curl python3 btrfs-progs
  ENGINE_CHANGED=$APT_CHANGED
  engine_storage
  engine_daemon_json
  docker info >/dev/null 2>&1 || { note "starting dockerd"; ENGINE_CHANGED=1; }
  "$INFRA_DIR/engine.sh"
  engine_check_running_config
  engine_firewall
  docker info --format 'dockerd {{.ServerVersion}}, {{.Driver}}, cgroup v{{.CgroupVersion}}'
  engine_compose
}

# A dockerd started before daemon.json was written runs with other settings.
engine_check_running_config() {
  local cfg
  cfg=$(docker info --format '{{.LoggingDriver}} {{.Driver}} {{.DockerRootDir}} {{json .DefaultAddressPools}}')
  [[ "$cfg" == "json-file btrfs $DOCKER_DATA_ROOT "*'"Base":"10.201.0.0/16","Size":28'* ]] && return 0
  note "dockerd runs with another config ($cfg): restarting it"
  ENGINE_CHANGED=1
  engine_restart_if_running
  "$INFRA_DIR/engine.sh"
}

# Per-runtime disk bounds need a storage driver with quotas. overlay2's needs XFS project quotas, which
# these kernels lack (mount -o pquota: "XFS (loop0): quota support not available in this kernel"), so
# Docker's data-root is a btrfs filesystem in a sparse file (loop mount; discard gives freed space back)
# and containers get a qgroup each. The mount does not survive a reboot: this step mounts it again.
engine_storage() {
  if findmnt -n -o FSTYPE --target "$DOCKER_DATA_ROOT" 2>/dev/null | grep -qx btrfs; then
    echo "docker data-root $DOCKER_DATA_ROOT is on btrfs"
    return 0
  fi
  note "mounting a btrfs filesystem for dockerd at $DOCKER_DATA_ROOT ($DOCKER_FS_IMAGE)"
  ENGINE_CHANGED=1
  engine_restart_if_running
  mkdir -p "$(dirname "$DOCKER_FS_IMAGE")" "$DOCKER_DATA_ROOT"
  if [[ ! -s "$DOCKER_FS_IMAGE" ]]; then
    local avail_kb size_gb
    avail_kb=$(df -Pk "$(dirname "$DOCKER_FS_IMAGE")" | awk 'NR==2 {print $4}')
    size_gb=$((avail_kb * 85 / 100 / 1024 / 1024))
    ((size_gb > 200)) && size_gb=200
    ((size_gb >= 20)) || die "only $((avail_kb / 1024 / 1024)) GiB free for Docker's filesystem; 24 GiB needed"
    truncate -s "${size_gb}G" "$DOCKER_FS_IMAGE.tmp"
    mkfs.btrfs -q -f "$DOCKER_FS_IMAGE.tmp" >/dev/null
    mv "$DOCKER_FS_IMAGE.tmp" "$DOCKER_FS_IMAGE"
  fi
  mount -o loop,discard=async,noatime "$DOCKER_FS_IMAGE" "$DOCKER_DATA_ROOT"
  engine_simple_quotas
}

# Simple quotas (kernel 6.7+) count what each container writes, not what it shares with its image,
# and cost nothing per snapshot. Full qgroups walk back-references at every snapshot: creating one
# container took 6-23 s with them here, 0.1 s with simple quotas. btrfs-progs 6.2 (bookworm) has no
# `quota enable --simple`, so this asks the kernel directly (BTRFS_IOC_QUOTA_CTL, command 4).
engine_simple_quotas() {
  python3 - "$DOCKER_DATA_ROOT" <<'PY' && return 0
import fcntl, os, struct, sys
fd = os.open(sys.argv[1], os.O_RDONLY)
fcntl.ioctl(fd, 0xC0109428, bytearray(struct.pack("QQ", 4, 0)))  # _IOWR(0x94, 40, 16 bytes)
PY
  echo "this kernel has no btrfs simple quotas: full qgroups (slow container creation; the image counts too)"
  btrfs quota enable "$DOCKER_DATA_ROOT"
}

# Nothing on Docker's networks reaches the cloud metadata address (instance credentials):
# DOCKER-USER is the chain Docker leaves to the operator; the rule is added once.
engine_firewall() {
  local rule=(-d 169.254.169.254/32 -j REJECT)
  command -v iptables >/dev/null || { echo "no iptables: metadata address not blocked"; return 0; }
  iptables -C DOCKER-USER "${rule[@]}" 2>/dev/null && return 0
  note "blocking 169.254.169.254 from containers (iptables DOCKER-USER)"
  iptables -I DOCKER-USER "${rule[@]}"
}

# Merges our keys into /etc/docker/daemon.json (other keys are kept); restarts a
# running dockerd only when the file had to change.
engine_daemon_json() {
  local f=/etc/docker/daemon.json new
  mkdir -p /etc/docker
  new=$(python3 - "$f" "$DAEMON_JSON_WANT" <<'PY'
import json, os, sys
path, want = sys.argv[1], json.loads(sys.argv[2])
cur = {}
if os.path.exists(path):
    with open(path) as fh:
        text = fh.read().strip()
    cur = json.loads(text) if text else {}
merged = dict(cur, **want)
print("same" if merged == cur else json.dumps(merged, indent=2))
PY
)
  if [[ "$new" == same ]]; then
    echo "daemon.json already has our settings"
    return 0
  fi
  note "writing $f"
  ENGINE_CHANGED=1
  printf '%s\n' "$new" >"$f.tmp" && mv "$f.tmp" "$f"
  engine_restart_if_running
}

engine_restart_if_running() {
  local pid
  pid=$(cat /var/run/docker.pid 2>/dev/null || true)
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  note "restarting dockerd (pid $pid) for the new daemon.json"
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 1
  done
  die "dockerd (pid $pid) did not stop within 60s"
}

engine_compose() {
  local plugin="$HOME/.docker/cli-plugins/docker-compose" key bin
  key=$(stamp_hash GO_VERSION COMPOSE_VERSION -- steps/engine.sh)
  bin="$(go_bin_dir compose "$COMPOSE_VERSION")/docker-compose"
  if stamp_matches compose "$key" && [[ -x "$bin" ]] && cmp -s "$bin" "$plugin"; then
    echo "docker compose $COMPOSE_VERSION up to date"
    ((ENGINE_CHANGED)) || mark_up_to_date
    return 0
  fi
  if [[ ! -x "$bin" ]]; then
    go_setup
    note "building docker compose $COMPOSE_VERSION with $("$GO" env GOVERSION)"
    local src="$WORK_DIR/compose-src"
    go_module_src github.com/docker/compose/v2 "$COMPOSE_VERSION" "$src"
    (cd "$src" && "$GO" build -trimpath \
      -ldflags "-s -w -X github.com/docker/compose/v2/internal.Version=$COMPOSE_VERSION" \
      -o "$bin.tmp" ./cmd)
    mv "$bin.tmp" "$bin"
    safe_rmrf "$src"
  fi
  mkdir -p "$(dirname "$plugin")"
  install -m 0755 "$bin" "$plugin"
  docker compose version
  stamp_write compose "$key"
}
