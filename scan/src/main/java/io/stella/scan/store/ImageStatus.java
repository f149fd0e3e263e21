package io.stella.scan.store;

/** How the scan of one image in a registry-wide run ended. */
public enum ImageStatus {
    SUCCESS,
    FAILED,
    SKIPPED
}
