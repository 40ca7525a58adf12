# traefik, minio, ferretdb: Go binaries from the module proxy (cached per version under
# $CAAS_CACHE_DIR/bin), each copied into a small image on the local Debian base.

step_traefik() {
  gobuilt_image traefik "$TRAEFIK_IMAGE" TRAEFIK_VERSION -- traefik
}

step_minio() {
  gobuilt_image minio "$MINIO_IMAGE" MINIO_VERSION MC_VERSION -- minio mc
}

step_ferretdb() {
  gobuilt_image ferretdb "$FERRETDB_IMAGE" FERRETDB_VERSION -- ferretdb
}

# Traefik's go.mod has replace directives, so `go install mod@v` refuses: build in a copy.
build_traefik() {
  local src="$WORK_DIR/traefik-src"
  go_module_src github.com/traefik/traefik/v3 "$TRAEFIK_VERSION" "$src"
  # Stamp the version as Traefik's release builds do, so `traefik version` tells what runs.
  (cd "$src" && "$GO" build -ldflags "-X github.com/traefik/traefik/v3/pkg/version.Version=$TRAEFIK_VERSION \
    -X github.com/traefik/traefik/v3/pkg/version.Codename=ramequin" -o "$1" ./cmd/traefik)
  safe_rmrf "$src"
}

build_minio() { GOBIN="$(dirname "$1")" "$GO" install "github.com/minio/minio@$MINIO_VERSION"; }
build_mc() { GOBIN="$(dirname "$1")" "$GO" install "github.com/minio/mc@$MC_VERSION"; }

# FerretDB panics at start without build/version/version.txt: write it in a writable copy.
build_ferretdb() {
  local src="$WORK_DIR/ferretdb-src"
  go_module_src github.com/FerretDB/FerretDB "$FERRETDB_VERSION" "$src"
  echo "$FERRETDB_VERSION" >"$src/build/version/version.txt"
  (cd "$src" && "$GO" build -o "$1" ./cmd/ferretdb)
  safe_rmrf "$src"
}

# gobuilt_image <step> <image> <pin vars...> -- <binaries...>
gobuilt_image() {
  local step="$1" image="$2" pins=() bins=() key b ver out ctx
  shift 2
  while [[ "$1" != -- ]]; do pins+=("$1") && shift; done
  shift
  bins=("$@")
  need_docker
  BASE_ID=$(image_id "$BASE_IMAGE") || die "$BASE_IMAGE missing: run 'infra/build.sh base'"
  key=$(stamp_hash GO_VERSION BASE_ID "${pins[@]}" -- steps/gobuilt.sh lib/go.sh "images/$step")
  if stamp_matches "$step" "$key" && image_exists "$image"; then
    echo "$image up to date"
    mark_up_to_date
    return 0
  fi
  ctx="$WORK_DIR/$step-ctx"
  safe_rmrf "$ctx"
  mkdir -p "$ctx"
  for b in "${bins[@]}"; do
    ver="${b^^}_VERSION"
    out="$(go_bin_dir "$b" "${!ver}")/$b"
    if [[ ! -x "$out" ]]; then
      go_setup
      note "building $b ${!ver} with $("$GO" env GOVERSION)"
      mkdir -p "$(dirname "$out")"
      "build_$b" "$out"
    fi
    cp "$out" "$ctx/$b"
  done
  cp "$INFRA_DIR/images/$step"/* "$ctx/"
  note "docker build $image"
  docker_build --build-arg "BASE_IMAGE=$BASE_IMAGE" -t "$image" "$ctx"
  safe_rmrf "$ctx"
  docker image ls "$image"
  stamp_write "$step" "$key"
}
