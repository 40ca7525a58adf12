# host: Debian packages the builds and the project's tests need on the machine itself
# (debootstrap for rootfs, a C toolchain for code-server's native modules,
# Redis and Chromium for integration and browser tests).

HOST_PACKAGES=(
  ca-certificates curl python3 debootstrap tar
  build-essential pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev
  redis-server chromium
)

step_host() {
  apt_ensure "${HOST_PACKAGES[@]}"
  command -v npm >/dev/null || apt_ensure npm
  if ((APT_CHANGED == 0)); then
    echo "all host packages present"
    mark_up_to_date
  fi
}
