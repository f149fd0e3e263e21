package io.stella.scan.registry.report;

import io.stella.scan.registry.RegistryScanResult;
import io.stella.scan.store.ImageRecord;
import io.stella.scan.store.ImageStatus;
import io.stella.scan.store.SeverityCounts;
import java.io.PrintWriter;

/** The table a person reads after a registry scan: one line per image, failures by code with the fix, the totals. */
public final class RegistryScanTableWriter {
    private static final int MAX_FAILED_LISTED = 20;

    private RegistryScanTableWriter() {
    }

    public static void write(RegistryScanResult result, PrintWriter out) {
        out.printf("Registry %s (%s), %s, run %d%s%n", result.registry(), result.host(),
                result.mode().equals("rescan") ? "rescan of known images" : "full scan",
                result.run().id(), result.run().resumed() ? " (resumed)" : "");
        out.printf("%-8s %-60s %-19s %5s %5s %5s %5s %5s  %s%n", "STATUS", "IMAGE", "DIGEST", "CRIT", "HIGH", "MED",
                "LOW", "UNK", "NOTE");
        for (ImageRecord r : result.records()) {
            SeverityCounts c = r.counts();
            String note = r.status() == ImageStatus.FAILED ? r.failureCode()
                    : r.status() == ImageStatus.SKIPPED ? r.skipReason() : tagsNote(r);
            out.printf("%-8s %-60s %-19s %5s %5s %5s %5s %5s  %s%n", r.status(), ImageReferences.of(result.host(), r),
                    shortDigest(r.digest()), n(c, 0), n(c, 1), n(c, 2), n(c, 3), n(c, 4), note == null ? "" : note);
        }
        var groups = FailureGroup.of(result.records());
        if (!groups.isEmpty()) {
            out.println();
            out.println("Failures by code:");
            for (FailureGroup g : groups) {
                out.printf("  %s (%d image%s): %s%n", g.code(), g.images().size(), g.images().size() == 1 ? "" : "s", g.summary());
                out.printf("    fix: %s%n", g.hint());
                g.images().stream().limit(MAX_FAILED_LISTED).forEach(r -> out.printf("    - %s: %s%n",
                        ImageReferences.of(result.host(), r), r.failureMessage()));
                if (g.images().size() > MAX_FAILED_LISTED) {
                    out.printf("    … and %d more (see --output FILE for all)%n", g.images().size() - MAX_FAILED_LISTED);
                }
            }
        }
        out.println();
        out.println(result.totalLine());
        out.flush();
    }

    private static String tagsNote(ImageRecord r) {
        return r.tags().size() > 1 ? "tags: " + String.join(", ", r.tags()) : "";
    }

    private static String shortDigest(String digest) {
        if (digest == null) {
            return "-";
        }
        int colon = digest.indexOf(':');
        return digest.substring(0, Math.min(digest.length(), colon + 13));
    }

    private static String n(SeverityCounts c, int which) {
        if (c == null) {
            return "-";
        }
        return String.valueOf(switch (which) {
            case 0 -> c.critical();
            case 1 -> c.high();
            case 2 -> c.medium();
            case 3 -> c.low();
            default -> c.unknown();
        });
    }
}
