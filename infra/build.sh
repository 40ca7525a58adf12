#!/usr/bin/env bash
# Installs, builds and caches everything the local CaaS stack needs.
#   infra/build.sh                  all steps
#   infra/build.sh traefik runtime  just those steps (in the order given)
#   infra/build.sh versions         what each built part reports
# Cache: ${CAAS_CACHE_DIR:-/var/cache/caas} (logs/<step>.log, stamps/, rootfs/, bin/, npm/, go/).
set -euo pipefail

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CAAS_CACHE_DIR="${CAAS_CACHE_DIR:-/var/cache/caas}"
export INFRA_DIR CAAS_CACHE_DIR

ALL_STEPS=(host engine base java runtime traefik ferretdb redis minio haproxy)

usage() {
  printf 'usage: %s [step...]\nsteps: %s versions\n' "$0" "${ALL_STEPS[*]}"
}

# shellcheck source=/dev/null
set -a && source "$INFRA_DIR/versions.env" && set +a
for f in "$INFRA_DIR"/lib/*.sh "$INFRA_DIR"/steps/*.sh; do
  # shellcheck source=/dev/null
  source "$f"
done

# local.env is what compose reads: it must name the images this script builds.
check_local_env() {
  local -A want=(
    [TRAEFIK_IMAGE]="$TRAEFIK_IMAGE" [MINIO_IMAGE]="$MINIO_IMAGE" [MONGO_IMAGE]="$FERRETDB_IMAGE"
    [REDIS_IMAGE]="$REDIS_IMAGE" [JAVA_BASE_IMAGE]="$JAVA_IMAGE" [RUNTIME_IMAGE]="$RUNTIME_IMAGE"
    [SOCKET_PROXY_IMAGE]="$HAPROXY_IMAGE"
  )
  local k v bad=0
  for k in "${!want[@]}"; do
    v=$(sed -n "s/^$k=//p" "$INFRA_DIR/local.env")
    if [[ "$v" != "${want[$k]}" ]]; then
      printf 'error: infra/local.env %s=%s but versions.env builds %s\n' "$k" "$v" "${want[$k]}" >&2
      bad=1
    fi
  done
  return "$bad"
}

main() {
  local steps=("$@") s
  ((${#steps[@]})) || steps=("${ALL_STEPS[@]}")
  for s in "${steps[@]}"; do
    case "$s" in
      -h | --help) usage && return 0 ;;
      versions) ;;
      *) declare -F "step_$s" >/dev/null || { usage >&2 && return 2; } ;;
    esac
  done
  ((EUID == 0)) || die "run as root (apt, debootstrap, chroot, /etc/docker)"
  check_local_env
  mkdir -p "$LOG_DIR" "$STAMP_DIR" "$WORK_DIR" "$RUN_DIR"
  trap 'rm -rf "$RUN_DIR"' EXIT
  exec 3>&1
  for s in "${steps[@]}"; do
    if [[ "$s" == versions ]]; then
      "$INFRA_DIR/versions.sh"
    else
      run_step "$s"
    fi
  done
  ((${#SUMMARY[@]} == 0)) || print_summary
}

main "$@"
