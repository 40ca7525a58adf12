#!/usr/bin/env bash
# Ensures a Docker daemon answers. No systemd on these machines: dockerd runs detached,
# logging to the cache dir, and keeps running after the calling shell exits.
set -euo pipefail

CAAS_CACHE_DIR="${CAAS_CACHE_DIR:-/var/cache/caas}"
wait_secs="${ENGINE_WAIT_SECS:-60}"

if docker info >/dev/null 2>&1; then
  exit 0
fi
if ! command -v dockerd >/dev/null 2>&1; then
  echo "engine.sh: dockerd not installed (run infra/build.sh engine)" >&2
  exit 1
fi

mkdir -p "$CAAS_CACHE_DIR/logs"
log="$CAAS_CACHE_DIR/logs/dockerd.log"
# A stale pid file from a killed daemon makes dockerd refuse to start.
if [[ -f /var/run/docker.pid ]] && ! kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null; then
  rm -f /var/run/docker.pid
fi
if ! pgrep -x dockerd >/dev/null; then
  echo "engine.sh: starting dockerd (log: $log)" >&2
  # A new session, and no descriptor of ours but the log: a dockerd holding the caller's stdout
  # pipe would keep whoever reads this script's output (CI) waiting for an end that never comes.
  python3 - "$log" <<'PY'
import subprocess
import sys

with open(sys.argv[1], "ab") as log:
    subprocess.Popen(["dockerd"], stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                     close_fds=True, start_new_session=True)
PY
fi

# Docker 20.10's btrfs driver does not recognise btrfs *simple* quotas as quotas: the first
# container it creates with a size after it starts turns on full qgroups, which count the image's
# shared bytes (every later bounded create then fails: "Failed to limit qgroup ... disk quota
# exceeded") and make every create slow. So, once per dockerd start, one bounded create of an empty
# image lets the driver do that (it then believes quotas are on for its lifetime), and the
# filesystem goes back to simple quotas. Bounds of containers that existed before are dropped.
prime_btrfs_quotas() {
  [[ "$(docker info --format '{{.Driver}}' 2>/dev/null)" == btrfs ]] || return 0
  local root probe=caas-quota-probe-$$
  root=$(docker info --format '{{.DockerRootDir}}')
  docker image inspect caas-local/scratch:quota >/dev/null 2>&1 ||
    tar -cf - --files-from /dev/null | docker import - caas-local/scratch:quota >/dev/null
  docker create --name "$probe" --storage-opt size=1G caas-local/scratch:quota /none >/dev/null 2>&1 || true
  docker rm -f "$probe" >/dev/null 2>&1 || true
  python3 - "$root" <<'PY' || { echo "engine.sh: no btrfs simple quotas here: full qgroups stay on" >&2; btrfs quota enable "$root"; }
import fcntl, os, struct, sys
fd = os.open(sys.argv[1], os.O_RDONLY)
ctl = lambda cmd: fcntl.ioctl(fd, 0xC0109428, bytearray(struct.pack("QQ", cmd, 0)))  # BTRFS_IOC_QUOTA_CTL
ctl(2)  # disable
ctl(4)  # enable simple quotas
PY
}

for ((i = 0; i < wait_secs * 2; i++)); do
  if docker info >/dev/null 2>&1; then
    prime_btrfs_quotas
    exit 0
  fi
  sleep 0.5
done
echo "engine.sh: dockerd did not answer within ${wait_secs}s; last log lines:" >&2
tail -n 30 "$log" >&2 || true
exit 1
