#!/bin/sh
# Like the upstream image: `command: --appendonly yes` means redis-server with those flags.
set -e
case "$1" in
  -*) set -- redis-server "$@" ;;
esac
exec "$@"
