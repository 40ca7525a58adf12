package io.caas.classes.runtime;

/**
 * One file of an image as a container created from it sees it.
 *
 * @param imageId the id of the image the file was read from
 * @param content the file's bytes; null when the image has no such file
 */
public record ImageFile(String imageId, byte[] content) {

}
