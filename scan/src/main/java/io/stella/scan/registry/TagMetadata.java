package io.stella.scan.registry;

import io.stella.registry.client.ResolvedImage;
import java.time.Instant;
import java.util.Optional;

/**
 * What the metadata phase learnt about one tag.
 *
 * @param digest         what the tag points at (an index for multi-arch images)
 * @param manifestDigest the image manifest for the scanned platform (equal to digest for single images)
 * @param platform       the platform scanned
 * @param created        the image config's creation time, when it has one
 * @param resolved       the resolution itself, so the scan need not ask again
 */
record TagMetadata(String repository, String tag, String digest, String manifestDigest, String platform,
                   Optional<Instant> created, ResolvedImage resolved) {
}
