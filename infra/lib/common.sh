# Shared helpers for infra/build.sh: progress, step runner, stamps, apt.
# Sourced, not executed. Expects INFRA_DIR and CAAS_CACHE_DIR to be set.

LOG_DIR="$CAAS_CACHE_DIR/logs"
STAMP_DIR="$CAAS_CACHE_DIR/stamps"
WORK_DIR="$CAAS_CACHE_DIR/work"
RUN_DIR="$CAAS_CACHE_DIR/run.$$"

# Progress goes to fd 3 (the terminal) and to the step log (stdout, redirected).
note() {
  printf '==> %s: %s\n' "$CURRENT_STEP" "$*" >&3
  printf '==> %s: %s\n' "$CURRENT_STEP" "$*"
}

die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# The step calls this when it found nothing to do.
mark_up_to_date() {
  : >"$RUN_DIR/$CURRENT_STEP.uptodate"
}

# run_step <name>: runs step_<name> in a subshell with its output in logs/<name>.log.
# On failure: the failing command and the log's last lines, then exit.
declare -a SUMMARY=()
run_step() {
  local name="$1" log="$LOG_DIR/$1.log" start end secs rc
  CURRENT_STEP="$name"
  start=$(date +%s.%N)
  printf '==> %s: start (log: %s)\n' "$name" "$log"
  set +e
  (
    set -eEuo pipefail
    trap 'echo "FAILED in step $CURRENT_STEP: \`$BASH_COMMAND\` (exit $?)" >&2' ERR
    "step_$name"
  ) >"$log" 2>&1
  rc=$?
  set -e
  end=$(date +%s.%N)
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
  if ((rc != 0)); then
    printf '\n!!! step %s FAILED after %ss (exit %d). Last lines of %s:\n' "$name" "$secs" "$rc" "$log" >&2
    tail -n 40 "$log" | sed 's/^/    /' >&2
    SUMMARY+=("$name|FAILED|$secs")
    print_summary
    exit "$rc"
  fi
  if [[ -e "$RUN_DIR/$name.uptodate" ]]; then
    printf '%s up to date (%ss)\n' "$name" "$secs"
    SUMMARY+=("$name|up to date|$secs")
  else
    printf '%s done in %ss\n' "$name" "$secs"
    SUMMARY+=("$name|built|$secs")
  fi
}

print_summary() {
  local row total=0
  printf '\n%-10s %-11s %8s\n' STEP RESULT SECONDS
  for row in "${SUMMARY[@]}"; do
    IFS='|' read -r n r s <<<"$row"
    printf '%-10s %-11s %8s\n' "$n" "$r" "$s"
    total=$(awk -v a="$total" -v b="$s" 'BEGIN { printf "%.1f", a + b }')
  done
  printf '%-10s %-11s %8s\n' total '' "$total"
}

# stamp_hash <var names...> -- <files or dirs relative to INFRA_DIR...>
# Hash of the named pins' values and the listed files' content.
stamp_hash() {
  {
    while (($#)) && [[ "$1" != -- ]]; do
      printf '%s=%s\n' "$1" "${!1}"
      shift
    done
    [[ "${1:-}" == -- ]] && shift
    local f
    for f in "$@"; do
      (cd "$INFRA_DIR" && find "$f" -type f -print0 | sort -z | xargs -0 sha256sum)
    done
  } | sha256sum | cut -c1-16
}

stamp_matches() { [[ -f "$STAMP_DIR/$1" && "$(cat "$STAMP_DIR/$1")" == "$2" ]]; }
stamp_write() { mkdir -p "$STAMP_DIR" && printf '%s\n' "$2" >"$STAMP_DIR/$1"; }

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }
image_id() { docker image inspect -f '{{.Id}}' "$1"; }

# apt_ensure <pkg...>: installs the packages that are missing; apt-get update only when needed.
# Sets APT_CHANGED=1 when it installed something.
APT_CHANGED=0
apt_ensure() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  APT_CHANGED=1
  note "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y --no-install-recommends "${missing[@]}"; then
    apt-get update
    apt-get install -y --no-install-recommends "${missing[@]}"
  fi
}

# Docker must answer for every image step; start it if installed but down.
need_docker() {
  docker info >/dev/null 2>&1 || "$INFRA_DIR/engine.sh" ||
    die "no Docker daemon: run 'infra/build.sh engine' first"
}

# Classic builder: there is no buildx plugin here, and BuildKit would try to pull its frontend.
docker_build() {
  DOCKER_BUILDKIT=0 docker build "$@"
}

# Removes a folder, unmounting anything a failed chroot/debootstrap left mounted inside it.
safe_rmrf() {
  local dir="$1" m
  [[ -e "$dir" ]] || return 0
  dir=$(realpath "$dir")
  while read -r m; do
    umount -l "$m" || true
  done < <(awk -v d="$dir/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r)
  rm -rf --one-file-system "$dir"
}
