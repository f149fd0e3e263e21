package io.stella.scan.registry.report;

import io.stella.scan.store.ImageRecord;

/** How a record is named to people: {@code host/repository:tag}, or {@code @digest} when it has no tag. */
final class ImageReferences {
    private ImageReferences() {
    }

    static String of(String host, ImageRecord r) {
        String base = host + "/" + r.repository();
        if (!r.tags().isEmpty()) {
            return base + ":" + r.tags().getFirst();
        }
        if (r.digest() != null) {
            return base + "@" + r.digest();
        }
        return r.imageKey().endsWith(":*") ? base + " (tags unknown)" : host + "/" + r.imageKey();
    }
}
