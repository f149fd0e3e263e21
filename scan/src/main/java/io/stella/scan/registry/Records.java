package io.stella.scan.registry;

import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.scan.store.ImageRecord;
import io.stella.scan.store.ImageStatus;
import java.time.Instant;
import java.util.List;

/** The records the scan writes for images that were not scanned to the end. */
final class Records {
    private Records() {
    }

    static ImageRecord failed(String key, String repository, List<String> tags, ImageWork image, FailureCode code,
                              String message, Instant now) {
        return new ImageRecord(key, repository, tags, image == null ? null : image.digest(),
                image == null ? null : image.platform(), image == null ? null : image.created().orElse(null),
                ImageStatus.FAILED, code.name(), message, null, null, null, 0, 0, 0, now);
    }

    static ImageRecord failed(String key, String repository, List<String> tags, ImageWork image, RegistryException e,
                              Instant now) {
        return failed(key, repository, tags, image, e.code(), e.getMessage(), now);
    }

    static ImageRecord skipped(String key, String repository, List<String> tags, ImageWork image, String reason,
                               Instant now) {
        return new ImageRecord(key, repository, tags, image == null ? null : image.digest(),
                image == null ? null : image.platform(), image == null ? null : image.created().orElse(null),
                ImageStatus.SKIPPED, null, null, reason, null, null, 0, 0, 0, now);
    }

    /** Failures that are not RegistryExceptions: a bug or an I/O problem of this machine, named as such. */
    static RegistryException unexpected(String what, Throwable e) {
        if (e instanceof RegistryException re) {
            return re;
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return RegistryException.builder(FailureCode.IMAGE_SOURCE_INVALID, what + " failed: " + detail)
                .hint("This is not a registry answer; run stella scan image on this image with --verbose to see more.")
                .cause(e).build();
    }
}
