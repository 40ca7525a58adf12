package io.caas.classes.preview;

/** {@code POST .../ports}: the port to share. */
record SharePortRequest(Integer port) {

}
