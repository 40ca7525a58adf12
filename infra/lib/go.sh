# Go toolchain and module builds, everything cached under $CAAS_CACHE_DIR/go.
# Only the Go module proxy is used: the toolchain itself is the golang.org/toolchain module.

go_setup() {
  export GOPATH="$CAAS_CACHE_DIR/go"
  export GOMODCACHE="$CAAS_CACHE_DIR/go/mod"
  export GOCACHE="$CAAS_CACHE_DIR/go/build"
  export GOFLAGS=-buildvcs=false CGO_ENABLED=0 GOTOOLCHAIN=local
  export GOPROXY="${GOPROXY:-https://proxy.golang.org}"
  local want="go$GO_VERSION" cand
  for cand in "$(command -v go || true)" /usr/local/go/bin/go "$CAAS_CACHE_DIR/toolchains/$want/bin/go"; do
    if [[ -x "$cand" ]] && [[ "$("$cand" env GOVERSION 2>/dev/null)" == "$want" ]]; then
      GO="$cand"
      return 0
    fi
  done
  go_fetch_toolchain "$want"
  GO="$CAAS_CACHE_DIR/toolchains/$want/bin/go"
}

go_fetch_toolchain() {
  local want="$1" dest="$CAAS_CACHE_DIR/toolchains/$1" tmp
  note "fetching Go toolchain $want from the module proxy"
  tmp="$CAAS_CACHE_DIR/toolchains/.$want.tmp"
  safe_rmrf "$tmp" && mkdir -p "$tmp"
  curl -fsSL -o "$tmp/go.zip" \
    "$GOPROXY/golang.org/toolchain/@v/v0.0.1-$want.linux-amd64.zip"
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
    "$tmp/go.zip" "$tmp/x"
  # Module zips carry no file modes.
  local root="$tmp/x/golang.org/toolchain@v0.0.1-$want.linux-amd64"
  chmod -R u+rwX,go+rX "$root"
  chmod +x "$root"/bin/* "$root"/pkg/tool/*/*
  safe_rmrf "$dest"
  mv "$root" "$dest"
  safe_rmrf "$tmp"
}

# go_module_src <module> <version> <dest>: writable copy of the module's source
# (the module cache is read-only, and modules with replace directives refuse `go install`).
go_module_src() {
  local mod="$1" ver="$2" dest="$3" dir
  dir=$("$GO" mod download -json "$mod@$ver" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [[ -d "$dir" ]] || die "go mod download gave no Dir for $mod@$ver"
  safe_rmrf "$dest"
  mkdir -p "$(dirname "$dest")"
  cp -r "$dir" "$dest"
  chmod -R u+w "$dest"
}

# go_bin_dir <name> <version>: where a built binary is kept, keyed by what built it.
go_bin_dir() { printf '%s/bin/%s-%s-go%s' "$CAAS_CACHE_DIR" "$1" "$2" "$GO_VERSION"; }
