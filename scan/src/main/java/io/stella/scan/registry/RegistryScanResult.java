package io.stella.scan.registry;

import io.stella.scan.store.ImageRecord;
import io.stella.scan.store.ImageStatus;
import io.stella.scan.store.RunTotals;
import io.stella.scan.store.ScanRun;
import java.time.Duration;
import java.util.List;

/**
 * A finished registry scan: every image of the run with its record, and the totals that add up.
 *
 * @param registry       the registry's name
 * @param host           the registry's host as image references name it
 * @param mode           "full" or "rescan"
 * @param run            the run in the results store
 * @param records        one per image, by repository and tag
 * @param totals         Total = Success + Failed + Skipped, over the records
 * @param discoveredBy   how repositories were found (catalog, harbor API, configured list, known images)
 * @param layersRead     layers downloaded and analysed by this run
 * @param layersReused   layers taken from the layer cache or from another worker's download
 * @param elapsed        wall time of this invocation
 */
public record RegistryScanResult(String registry, String host, String mode, ScanRun run, List<ImageRecord> records, RunTotals totals,
                                 String discoveredBy, int layersRead, int layersReused, Duration elapsed) {

    public static RunTotals totalsOf(List<ImageRecord> records) {
        int success = 0;
        int failed = 0;
        int skipped = 0;
        for (ImageRecord r : records) {
            switch (r.status()) {
                case SUCCESS -> success++;
                case FAILED -> failed++;
                case SKIPPED -> skipped++;
            }
        }
        return new RunTotals(records.size(), success, failed, skipped);
    }

    public boolean anyFailed() {
        return records.stream().anyMatch(r -> r.status() == ImageStatus.FAILED);
    }

    /** The line that ends every scan: {@code Total: N = Success: X + Failed: Y + Skipped: Z}. */
    public String totalLine() {
        return "Total: " + totals.total() + " = Success: " + totals.success() + " + Failed: " + totals.failed()
                + " + Skipped: " + totals.skipped();
    }
}
