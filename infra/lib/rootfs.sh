# Debian rootfs tarballs made with debootstrap, cached under $CAAS_CACHE_DIR/rootfs.
# .debs are shared between runs and rootfs builds via debootstrap's --cache-dir.

# rootfs_debootstrap <dir> <comma-separated includes>
rootfs_debootstrap() {
  local dir="$1" include="$2"
  mkdir -p "$CAAS_CACHE_DIR/debs"
  safe_rmrf "$dir"
  mkdir -p "$dir"
  debootstrap --variant=minbase --cache-dir="$CAAS_CACHE_DIR/debs" --include="$include" \
    "$DEBIAN_SUITE" "$dir" "$DEBIAN_MIRROR"
  # Later installs (Dockerfile RUN apt-get) stay lean too.
  cat >"$dir/etc/dpkg/dpkg.cfg.d/01-caas-nodoc" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
EOF
  printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' \
    >"$dir/etc/apt/apt.conf.d/01-caas-norecommends"
}

# rootfs_slim <dir>: drops what an image never needs (apt lists, caches, docs, logs).
rootfs_slim() {
  local dir="$1"
  chroot "$dir" apt-get clean
  rm -rf "$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/*.bin "$dir"/var/cache/debconf/*-old \
    "$dir"/var/log/* "$dir"/tmp/* "$dir"/root/.cache "$dir"/usr/share/info/* "$dir"/usr/share/man/* \
    "$dir"/usr/share/lintian "$dir"/usr/share/linda
  find "$dir/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete 2>/dev/null || true
  find "$dir/usr/share/doc" -mindepth 1 -type d -empty -delete 2>/dev/null || true
  find "$dir/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf {} + 2>/dev/null || true
}

# rootfs_tar <dir> <tarball>: atomically writes the tarball.
rootfs_tar() {
  mkdir -p "$(dirname "$2")"
  tar --numeric-owner -C "$1" -cf "$2.tmp" .
  mv "$2.tmp" "$2"
}

# rootfs_import <tarball> <tag> [docker import -c changes...]
rootfs_import() {
  local tarball="$1" tag="$2" c args=()
  shift 2
  for c in "$@"; do args+=(-c "$c"); done
  docker import "${args[@]}" "$tarball" "$tag"
}

# Drops cached rootfs tarballs of <prefix> other than <keep>.
rootfs_prune() {
  local prefix="$1" keep="$2" f
  for f in "$CAAS_CACHE_DIR/rootfs/$prefix"-*.tar; do
    [[ -e "$f" && "$f" != "$keep" ]] && rm -f "$f"
  done
  return 0
}
