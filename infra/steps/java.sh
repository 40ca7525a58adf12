# java: caas-local/java:25, the machine's Temurin JDK copied into an image on the local base.

step_java() {
  need_docker
  [[ -x "$JDK_DIR/bin/java" ]] || die "no JDK at $JDK_DIR (versions.env JDK_DIR)"
  local key ctx
  JDK_RELEASE=$(sha256sum "$JDK_DIR/release" | cut -c1-16)
  BASE_ID=$(image_id "$BASE_IMAGE") || die "$BASE_IMAGE missing: run 'infra/build.sh base'"
  key=$(stamp_hash JDK_DIR JDK_RELEASE BASE_ID JAVA_IMAGE -- steps/java.sh images/java)
  if stamp_matches java "$key" && image_exists "$JAVA_IMAGE"; then
    echo "$JAVA_IMAGE up to date"
    mark_up_to_date
    return 0
  fi
  ctx="$WORK_DIR/java-ctx"
  safe_rmrf "$ctx"
  mkdir -p "$ctx"
  note "copying $JDK_DIR (without src.zip, man pages)"
  cp -a "$JDK_DIR" "$ctx/jdk"
  rm -rf "$ctx/jdk/lib/src.zip" "$ctx/jdk/man"
  cp "$INFRA_DIR/images/java/Dockerfile" "$ctx/"
  note "docker build $JAVA_IMAGE"
  docker_build --build-arg "BASE_IMAGE=$BASE_IMAGE" -t "$JAVA_IMAGE" "$ctx"
  safe_rmrf "$ctx"
  docker image ls "$JAVA_IMAGE"
  stamp_write java "$key"
}
