package io.stella.registry.client;

import io.stella.registry.ImageReference;
import io.stella.registry.Platform;
import io.stella.registry.manifest.ImageIndex;
import io.stella.registry.manifest.ImageManifest;
import java.time.Instant;
import java.util.Optional;

/**
 * An image reference resolved to one image manifest.
 *
 * @param reference the reference as given
 * @param digest    the digest the reference resolved to (of the index when there is one)
 * @param index     the index the image was chosen from, when the reference named one
 * @param manifest  the image manifest for the platform
 * @param platform  the platform of the image, from its config (or the index entry)
 * @param created   the {@code created} time of the image config, when it has a valid one
 */
public record ResolvedImage(ImageReference reference, String digest, Optional<ImageIndex> index,
                            ImageManifest manifest, Platform platform, Optional<Instant> created) {
}
