package io.stella.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.vulndb.ImportReport;
import io.stella.vulndb.VulnDatabase;
import io.stella.vulndb.match.MatchResult;
import io.stella.vulndb.match.Matcher;
import io.stella.vulndb.match.PackageQuery;
import io.stella.vulndb.store.VulnerabilityStore;
import io.stella.vulndb.version.VersionSchemes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The two figures the vulnerability database is held to: importing the four shared OSV zips (about 13.8 k
 * records) into a fresh database, and matching an inventory of 1,000 packages. The inventory is drawn from
 * the same records (every n-th affected package, at one of its own range versions), so it hits and misses
 * as a real one does. Prints medians and the ratio to each target.
 *
 * <p>Usage: {@code VulnDbBenchmark TESTDATA_DIR [runs=5]}
 */
public final class VulnDbBenchmark {
    private static final List<String> ZIPS = List.of("go-vulndb.zip", "rustsec.zip", "pypa.zip", "almalinux.zip");
    private static final double IMPORT_TARGET_S = 10.0;
    private static final double MATCH_TARGET_MS = 100.0;

    private VulnDbBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path testdata = Path.of(args.length > 0 ? args[0] : "../shared/testdata");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Path> zips = ZIPS.stream().map(z -> testdata.resolve("osv").resolve(z)).toList();
        Path work = Files.createTempDirectory("stella-vulndb-bench");

        List<Double> importSeconds = new ArrayList<>();
        Path db = null;
        for (int run = 0; run < runs; run++) {
            db = work.resolve("run-" + run + ".db");
            long start = System.nanoTime();
            List<ImportReport> reports = VulnDatabase.open(db).importPaths(zips);
            importSeconds.add((System.nanoTime() - start) / 1e9);
            if (run == 0) {
                long records = reports.stream().mapToLong(ImportReport::advisories).sum();
                System.out.printf(Locale.ROOT, "imported %d records from %d zips (%.1f MiB database)%n", records,
                        zips.size(), Files.size(db) / 1048576.0);
            }
        }
        double importMedian = median(importSeconds);
        System.out.printf(Locale.ROOT, "db import of the 4 shared OSV zips: median %.2f s over %d runs (min %.2f, max %.2f)"
                        + "; target < %.0f s: ratio %.2f %s%n", importMedian, runs, Collections.min(importSeconds),
                Collections.max(importSeconds), IMPORT_TARGET_S, importMedian / IMPORT_TARGET_S,
                importMedian < IMPORT_TARGET_S ? "MET" : "MISSED");

        List<Matcher.Candidate> inventory = inventory(zips, 1000);
        int iterations = Math.max(30, runs * 10);
        MatchResult result = null;
        for (int i = 0; i < 20; i++) {
            result = scanWithFreshStore(db, inventory);
        }
        List<Double> perScan = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            result = scanWithFreshStore(db, inventory);
            perScan.add((System.nanoTime() - start) / 1e6);
        }
        report("matching " + inventory.size() + " packages, one scan (open the database, match, close)", perScan,
                result);
        try (VulnerabilityStore store = VulnDatabase.open(db).openStore()) {
            List<Double> warm = new ArrayList<>();
            for (int i = 0; i < 20 + iterations; i++) {
                long start = System.nanoTime();
                result = new Matcher(store, VersionSchemes.installed()).match(inventory);
                if (i >= 20) {
                    warm.add((System.nanoTime() - start) / 1e6);
                }
            }
            report("matching " + inventory.size() + " packages again on an open database (advisories cached)", warm,
                    result);
        }
    }

    private static MatchResult scanWithFreshStore(Path db, List<Matcher.Candidate> inventory) {
        try (VulnerabilityStore store = VulnDatabase.open(db).openStore()) {
            return new Matcher(store, VersionSchemes.installed()).match(inventory);
        }
    }

    private static void report(String what, List<Double> millis, MatchResult result) {
        double median = median(millis);
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: median %.1f ms, p90 %.1f ms over %d runs after 20 warm-up (%d findings, "
                        + "%d evaluated, %d problems); target < %.0f ms: ratio %.2f %s%n", what, median,
                sorted.get((int) (sorted.size() * 0.9)), sorted.size(), result.findings().size(), result.evaluated(),
                result.problems().size(), MATCH_TARGET_MS, median / MATCH_TARGET_MS,
                median < MATCH_TARGET_MS ? "MET" : "MISSED");
    }

    /** {@code count} packages: every n-th (ecosystem, name) of the records, at a version from its own ranges. */
    private static List<Matcher.Candidate> inventory(List<Path> zips, int count) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, PackageQuery> all = new LinkedHashMap<>();
        for (Path zip : zips) {
            try (ZipFile file = new ZipFile(zip.toFile())) {
                Enumeration<? extends ZipEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    JsonNode record;
                    try (InputStream in = file.getInputStream(entry)) {
                        record = mapper.readTree(in);
                    }
                    for (JsonNode affected : record.path("affected")) {
                        String ecosystem = affected.path("package").path("ecosystem").asText();
                        String name = affected.path("package").path("name").asText();
                        String version = someVersion(affected);
                        if (version != null) {
                            all.putIfAbsent(ecosystem + "\u0000" + name,
                                    new PackageQuery(ecosystem, name, version, all.size()));
                        }
                    }
                }
            }
        }
        List<PackageQuery> distinct = new ArrayList<>(all.values());
        int step = Math.max(1, distinct.size() / count);
        List<Matcher.Candidate> picked = new ArrayList<>();
        for (int i = 0; i < distinct.size() && picked.size() < count; i += step) {
            picked.add(new Matcher.Candidate(distinct.get(i), null));
        }
        return picked;
    }

    private static String someVersion(JsonNode affected) {
        for (JsonNode range : affected.path("ranges")) {
            for (JsonNode event : range.path("events")) {
                for (String kind : List.of("fixed", "introduced", "last_affected")) {
                    String v = event.path(kind).asText("");
                    if (!v.isEmpty() && !v.equals("0")) {
                        return v;
                    }
                }
            }
        }
        JsonNode versions = affected.path("versions");
        return versions.isArray() && !versions.isEmpty() ? versions.get(0).asText() : null;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
