# Shared helpers for bin/ scripts: timed steps, the JDK, and docker compose with the local env files.
# shellcheck shell=bash

CAAS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Temurin 25 when the machine has it; otherwise whatever JAVA_HOME says.
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi

# step NAME CMD...: prints what runs and how long it took; on failure names the step.
step() {
  local name=$1; shift
  local start=$SECONDS
  echo "==> ${name}"
  if "$@"; then
    echo "==> ${name}: done in $((SECONDS - start))s"
  else
    local rc=$?
    echo "!!! ${name} failed (exit ${rc}) after $((SECONDS - start))s" >&2
    return "$rc"
  fi
}

mvn_batch() {
  "$CAAS_ROOT/mvnw" -B -ntp -Dstyle.color=never "$@"
}

# compose PROJECT ARGS...: the real docker-compose.yml with the images built on this machine.
compose() {
  local project=$1; shift
  local files=(--env-file "$CAAS_ROOT/infra/local.env" --env-file "$CAAS_ROOT/infra/demo.env")
  [ -f "$CAAS_ROOT/.env" ] && files+=(--env-file "$CAAS_ROOT/.env")
  docker compose -p "$project" --project-directory "$CAAS_ROOT" "${files[@]}" -f "$CAAS_ROOT/docker-compose.yml" "$@"
}

# Removes what a CaaS stack created on the engine for classes whose id starts with PREFIX (tests only).
sweep_classes() {
  local prefix=$1 id cls
  for id in $(docker ps -aq --filter label=caas.managed=true); do
    cls=$(docker inspect -f '{{index .Config.Labels "caas.class"}}' "$id" 2>/dev/null || true)
    [[ $cls == "$prefix"* ]] && docker rm -f "$id" >/dev/null 2>&1 || true
  done
  for id in $(docker network ls -q --filter label=caas.managed=true); do
    cls=$(docker network inspect -f '{{index .Labels "caas.class"}}' "$id" 2>/dev/null || true)
    if [[ $cls == "$prefix"* ]]; then
      for c in $(docker network inspect -f '{{range $k, $v := .Containers}}{{$k}} {{end}}' "$id"); do
        docker network disconnect -f "$id" "$c" >/dev/null 2>&1 || true
      done
      docker network rm "$id" >/dev/null 2>&1 || true
    fi
  done
}

# The web app (web/): installs exactly the locked packages, runs its unit tests (unless --no-test),
# and writes web/dist, which the gateway jar serves at / (the gateway build refuses to run without it).
web_build() {
  (cd "$CAAS_ROOT/web" &&
    npm ci --no-audit --no-fund --loglevel=error &&
    if [ "${1:-}" != --no-test ]; then npm run test:ci; fi &&
    npm run build &&
    test -s dist/index.html)
}
