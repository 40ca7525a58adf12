# redis: caas-local/redis:7.0 from Debian's redis-server package (Dockerfile RUN apt-get:
# containers reach the Debian mirror here).

step_redis() {
  need_docker
  local key
  BASE_ID=$(image_id "$BASE_IMAGE") || die "$BASE_IMAGE missing: run 'infra/build.sh base'"
  key=$(stamp_hash BASE_ID REDIS_IMAGE -- steps/redis.sh images/redis)
  if stamp_matches redis "$key" && image_exists "$REDIS_IMAGE"; then
    echo "$REDIS_IMAGE up to date"
    mark_up_to_date
    return 0
  fi
  note "docker build $REDIS_IMAGE (apt-get install redis-server)"
  docker_build --pull=false --build-arg "BASE_IMAGE=$BASE_IMAGE" -t "$REDIS_IMAGE" "$INFRA_DIR/images/redis"
  docker run --rm "$REDIS_IMAGE" redis-server --version | grep "v=7\.0\."
  docker image ls "$REDIS_IMAGE"
  stamp_write redis "$key"
}
