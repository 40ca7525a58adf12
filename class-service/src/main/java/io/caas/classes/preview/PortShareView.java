package io.caas.classes.preview;

import java.time.Instant;

/**
 * A shared port as the API shows it.
 *
 * @param url where the preview answers (the same people as the IDE may open it)
 */
record PortShareView(int port, String url, String sharedBy, Instant sharedAt) {

}
