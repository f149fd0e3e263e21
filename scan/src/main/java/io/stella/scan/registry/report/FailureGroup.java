package io.stella.scan.registry.report;

import io.stella.registry.failure.FailureCode;
import io.stella.scan.store.ImageRecord;
import io.stella.scan.store.ImageStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Failed images grouped by failure code, with the code's summary and fix: how a report names failures. */
public record FailureGroup(String code, String summary, String hint, List<ImageRecord> images) {

    public static List<FailureGroup> of(List<ImageRecord> records) {
        Map<String, List<ImageRecord>> byCode = new TreeMap<>();
        for (ImageRecord r : records) {
            if (r.status() == ImageStatus.FAILED) {
                byCode.computeIfAbsent(r.failureCode() == null ? "UNKNOWN" : r.failureCode(), k -> new ArrayList<>()).add(r);
            }
        }
        List<FailureGroup> groups = new ArrayList<>();
        byCode.forEach((code, images) -> {
            FailureCode known = known(code);
            groups.add(new FailureGroup(code, known == null ? "" : known.summary(), known == null ? "" : known.defaultHint(),
                    List.copyOf(images)));
        });
        groups.sort((a, b) -> Integer.compare(b.images().size(), a.images().size()));
        return groups;
    }

    private static FailureCode known(String code) {
        try {
            return FailureCode.valueOf(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
