# base: caas-local/debian:<suite>, a debootstrap minbase rootfs every other local image builds on.

BASE_INCLUDE=ca-certificates,curl,tini,procps

step_base() {
  need_docker
  local key tarball dir
  key=$(stamp_hash DEBIAN_SUITE DEBIAN_MIRROR BASE_INCLUDE BASE_IMAGE -- steps/base.sh lib/rootfs.sh)
  tarball="$CAAS_CACHE_DIR/rootfs/base-$key.tar"
  if stamp_matches base "$key" && image_exists "$BASE_IMAGE"; then
    echo "$BASE_IMAGE up to date"
    mark_up_to_date
    return 0
  fi
  if [[ ! -f "$tarball" ]]; then
    apt_ensure debootstrap
    dir="$WORK_DIR/rootfs-base"
    note "debootstrap $DEBIAN_SUITE minbase + $BASE_INCLUDE"
    rootfs_debootstrap "$dir" "$BASE_INCLUDE"
    rootfs_slim "$dir"
    rootfs_tar "$dir" "$tarball"
    safe_rmrf "$dir"
    rootfs_prune base "$tarball"
  fi
  note "docker import $BASE_IMAGE"
  rootfs_import "$tarball" "$BASE_IMAGE" \
    'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    'ENV LANG=C.UTF-8' 'CMD ["/bin/bash"]'
  docker image ls "$BASE_IMAGE"
  stamp_write base "$key"
}
