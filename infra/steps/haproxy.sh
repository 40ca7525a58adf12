# haproxy: caas-local/haproxy:2.6 from Debian's haproxy package, the engine of the two Docker socket
# proxies (docker/socket-proxy/*.cfg). Dockerfile RUN apt-get: containers reach the Debian mirror here.

step_haproxy() {
  need_docker
  local key
  BASE_ID=$(image_id "$BASE_IMAGE") || die "$BASE_IMAGE missing: run 'infra/build.sh base'"
  key=$(stamp_hash BASE_ID HAPROXY_IMAGE -- steps/haproxy.sh images/haproxy)
  if stamp_matches haproxy "$key" && image_exists "$HAPROXY_IMAGE"; then
    echo "$HAPROXY_IMAGE up to date"
    mark_up_to_date
    return 0
  fi
  note "docker build $HAPROXY_IMAGE (apt-get install haproxy)"
  docker_build --pull=false --build-arg "BASE_IMAGE=$BASE_IMAGE" -t "$HAPROXY_IMAGE" "$INFRA_DIR/images/haproxy"
  docker run --rm "$HAPROXY_IMAGE" haproxy -v | grep "version 2\.6\."
  docker image ls "$HAPROXY_IMAGE"
  stamp_write haproxy "$key"
}
