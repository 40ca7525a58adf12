#!/usr/bin/env bash
# Prints the version each part of the local stack reports, run from the images the stack uses.
set -euo pipefail
INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=/dev/null
source "$INFRA_DIR/versions.env"

rc=0
show() {
  local label="$1" out
  shift
  if out=$("$@" 2>&1); then
    printf '%-14s %s\n' "$label" "$(printf '%s' "$out" | tr -s '\n' ' ' | sed 's/ *$//')"
  else
    printf '%-14s FAILED: %s\n' "$label" "$(printf '%s' "$out" | tail -n 1)"
    rc=1
  fi
}
run() { docker run --rm --entrypoint "$2" "$1" "${@:3}"; }

show dockerd docker version --format '{{.Server.Version}}'
show compose docker compose version
show traefik docker run --rm "$TRAEFIK_IMAGE" version
show minio run "$MINIO_IMAGE" minio --version
show mc run "$MINIO_IMAGE" mc --version
show ferretdb run "$FERRETDB_IMAGE" ferretdb --version
show redis run "$REDIS_IMAGE" redis-server --version
show haproxy run "$HAPROXY_IMAGE" haproxy -v
show java run "$JAVA_IMAGE" java -version
# code-server logs "Wrote default config file" before the version line.
code_server_version() { run "$RUNTIME_IMAGE" /usr/local/bin/code-server --version | grep -v '^\['; }
show code-server code_server_version
show node run "$RUNTIME_IMAGE" node --version
exit "$rc"
