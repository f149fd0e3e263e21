package io.stella.scan.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.registry.client.RegistryClient;
import io.stella.registry.config.FilterConfig;
import io.stella.registry.config.RegistryConfig;
import io.stella.registry.config.RegistryUrl;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.scan.store.ImageRecord;
import io.stella.scan.store.ImageStatus;
import io.stella.scan.store.ResultsStore;
import io.stella.testing.Closer;
import io.stella.testing.ImageFleet;
import io.stella.testing.LocalPostgres;
import io.stella.testing.LocalRegistry;
import io.stella.testing.PushAuth;
import io.stella.testing.Skopeo;
import io.stella.testing.TestCa;
import io.stella.testing.TokenService;
import io.stella.vulndb.store.SqliteVulnerabilityStore;
import io.stella.vulndb.store.VulnerabilityStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole-registry scans against the real distribution registry with token auth over HTTPS: 32 images in
 * 8 repositories of 4 projects, sharing three real Alpine base layers.
 */
@Tag("integration")
class RegistryScanIntegrationTest {
    static TestCa ca;
    static TokenService tokens;
    static LocalRegistry registry;
    static Path vulndbFile;
    static List<ImageFleet.Image> fleet;
    static Path shared;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        shared = dir;
        ca = TestCa.create();
        tokens = FleetRegistry.tokens(ca).start();
        registry = LocalRegistry.builder().token(tokens).tls(ca.issueServer(List.of("127.0.0.1", "localhost")), ca).start();
        fleet = ImageFleet.standard(FleetRegistry.REPOSITORIES);
        ImageFleet.push(registry, PushAuth.of("admin", "admin-pw"), fleet, dir.resolve("fleet"));
        vulndbFile = FleetRegistry.vulnerabilityDatabase(dir);
    }

    @AfterAll
    static void stop() {
        Closer.closeAll(registry, tokens);
    }

    private static RegistryConfig config(List<String> repositories, FilterConfig filter) {
        return new RegistryConfig("fleet", RegistryUrl.of(registry.host()), null, null, null,
                repositories.isEmpty() ? null : repositories, filter);
    }

    private static RegistryScanResult scan(Path storeDir, String user, String password, RegistryConfig config,
                                           int workers, Function<RegistryScanner, Function<RegistryClient, RegistryScanResult>> how)
            throws Exception {
        RegistryClient client = FleetRegistry.client(registry, ca, storeDir, FleetRegistry.user(user, password));
        try (ResultsStore store = ResultsStore.sqlite(storeDir.resolve("results.db"));
             VulnerabilityStore vulndb = SqliteVulnerabilityStore.open(vulndbFile)) {
            RegistryScanner scanner = FleetRegistry.scanner(store, vulndb, FleetRegistry.settings(workers), ScanListener.NONE);
            return how.apply(scanner).apply(client);
        }
    }

    private static RegistryScanResult fullScan(Path storeDir, RegistryConfig config, int workers) throws Exception {
        return scan(storeDir, "admin", "admin-pw", config, workers, s -> c -> s.scan(config, c));
    }

    private static Map<String, ImageRecord> byReference(RegistryScanResult result) {
        return result.records().stream().collect(Collectors.toMap(r -> r.repository() + ":" + String.join(",", r.tags()),
                r -> r, (a, b) -> a.status() == ImageStatus.SKIPPED ? b : a));
    }

    /** Blob GETs the registry logged for a digest since the log offset. */
    static long blobGets(String log, String digest) {
        Pattern get = Pattern.compile("http\\.request\\.method=GET.*http\\.request\\.uri=\"?/v2/[^ \"]+/blobs/"
                + Pattern.quote(digest));
        return log.lines().filter(l -> l.contains("response completed") && get.matcher(l).find()).count();
    }

    @Test
    void everyImageIsScannedOnceAndSharedBaseLayersAreReadOnce(@TempDir Path dir) throws Exception {
        int logStart = registry.log().length();
        RegistryScanResult result = fullScan(dir, config(List.of(), FilterConfig.NONE), 4);

        assertThat(result.totals().total()).as("tags sharing a digest are one image").isEqualTo(fleet.size());
        assertThat(result.totals().success()).isEqualTo(fleet.size());
        assertThat(result.totals().failed() + result.totals().skipped()).isZero();
        assertThat(result.totalLine()).isEqualTo("Total: 32 = Success: 32 + Failed: 0 + Skipped: 0");
        assertThat(result.discoveredBy()).isEqualTo("catalog");
        Map<String, ImageRecord> records = byReference(result);
        assertThat(records).containsKey("team-a/api:latest,v4");
        // Alpine 3.7.3 has real secdb findings; 3.10.9 has none in the 2020 snapshot.
        ImageRecord alpine37 = records.get("team-a/api:v1");
        assertThat(alpine37.counts().total()).isPositive();
        assertThat(alpine37.findings()).isNotEmpty();
        assertThat(records.get("team-a/api:v2").counts().total()).isZero();
        assertThat(records.get("team-a/api:v2").status()).as("checked and clean").isEqualTo(ImageStatus.SUCCESS);

        // Three shared bases plus one own layer per image: each layer read once, however many workers.
        assertThat(result.layersRead()).isEqualTo(3 + fleet.size());
        String log = registry.log().substring(logStart);
        for (ImageFleet.Base base : List.of(ImageFleet.ALPINE_3_7, ImageFleet.ALPINE_3_10, ImageFleet.ALPINE_3_11)) {
            String digest = "sha256:" + sha256(base.path());
            assertThat(blobGets(log, digest)).as("GETs of base layer " + base.file()).isEqualTo(1);
        }
    }

    @Test
    void aSecondScanPullsNoLayerAndARescanNoBlobAtAll(@TempDir Path dir) throws Exception {
        RegistryConfig config = config(List.of(), FilterConfig.NONE);
        RegistryScanResult first = fullScan(dir, config, 3);
        assertThat(first.totals().success()).isEqualTo(fleet.size());

        RegistryScanResult second = fullScan(dir, config, 3);
        assertThat(second.run().id()).isNotEqualTo(first.run().id());
        assertThat(second.layersRead()).as("every manifest was analysed before").isZero();
        assertThat(second.totals()).isEqualTo(first.totals());

        int logStart = registry.log().length();
        RegistryScanResult rescan = scan(dir, "admin", "admin-pw", config, 3, s -> c -> s.rescan(config, c));
        assertThat(rescan.mode()).isEqualTo("rescan");
        assertThat(rescan.totals().success()).isEqualTo(fleet.size());
        String log = registry.log().substring(logStart);
        assertThat(log.lines().filter(l -> l.contains("response completed") && l.contains("/blobs/")).count())
                .as("blob requests during the rescan").isZero();
        assertThat(log.lines().filter(l -> l.contains("response completed") && l.contains("http.request.method=HEAD")
                && l.contains("/manifests/")).count()).as("one manifest HEAD per tag").isEqualTo(40);
        assertThat(rescan.records().stream().map(ImageRecord::counts).toList())
                .isEqualTo(first.records().stream().map(ImageRecord::counts).toList());
    }

    @Test
    void aRescanPullsOnlyTheTagThatMoved(@TempDir Path dir) throws Exception {
        // Its own registry: moving a tag must not disturb the other tests.
        try (TokenService own = FleetRegistry.tokens(ca).start();
             LocalRegistry moving = LocalRegistry.builder().token(own).tls(ca.issueServer(List.of("127.0.0.1")), ca).start()) {
            List<ImageFleet.Image> images = ImageFleet.standard(List.of("team-a/api"));
            ImageFleet.push(moving, PushAuth.of("admin", "admin-pw"), images, dir.resolve("fleet"));
            RegistryConfig config = new RegistryConfig("moving", RegistryUrl.of(moving.host()), null, null, null, null,
                    FilterConfig.NONE);
            RegistryClient client = FleetRegistry.client(moving, ca, dir, FleetRegistry.user("admin", "admin-pw"));
            try (ResultsStore store = ResultsStore.sqlite(dir.resolve("results.db"));
                 VulnerabilityStore vulndb = SqliteVulnerabilityStore.open(vulndbFile)) {
                RegistryScanner scanner = FleetRegistry.scanner(store, vulndb, FleetRegistry.settings(2), ScanListener.NONE);
                assertThat(scanner.scan(config, client).totals().success()).isEqualTo(4);

                ImageFleet.Image moved = new ImageFleet.Image("team-a/api", List.of("v1"), ImageFleet.ALPINE_3_11,
                        "2026-11-20T00:00:00Z");
                Skopeo.copy(Skopeo.oci(ImageFleet.build(moved, dir.resolve("moved")), "img"), moving, "team-a/api:v1",
                        PushAuth.of("admin", "admin-pw"), false);
                RegistryScanResult rescan = scanner.rescan(config, client);

                assertThat(rescan.layersRead()).as("only the moved tag's own layer; its base is cached").isEqualTo(1);
                Map<String, ImageRecord> records = byReference(rescan);
                assertThat(records.get("team-a/api:v1").status()).isEqualTo(ImageStatus.SUCCESS);
                assertThat(records.get("team-a/api:v1").created()).isEqualTo(java.time.Instant.parse("2026-11-20T00:00:00Z"));
                assertThat(rescan.records()).filteredOn(r -> r.status() == ImageStatus.SKIPPED)
                        .singleElement().satisfies(r -> assertThat(r.skipReason()).contains("no tag points at this image"));
                assertThat(rescan.totalLine()).isEqualTo("Total: 5 = Success: 4 + Failed: 0 + Skipped: 1");
            }
        }
    }

    @Test
    void aRobotWithoutCatalogAccessIsToldSoAndAConfiguredListNeedsNoCatalog(@TempDir Path dir) throws Exception {
        RegistryConfig discover = config(List.of(), FilterConfig.NONE);
        assertThatThrownBy(() -> scan(dir, "robot-nocatalog", "nc-pw", discover, 2, s -> c -> s.scan(discover, c)))
                .isInstanceOf(RegistryException.class)
                .satisfies(e -> {
                    assertThat(((RegistryException) e).code()).isEqualTo(FailureCode.CATALOG_DENIED);
                    assertThat(((RegistryException) e).hint()).containsIgnoringCase("catalog");
                });

        RegistryConfig listed = config(List.of("team-b/api", "team-c/db"), FilterConfig.NONE);
        RegistryScanResult result = scan(dir, "robot-nocatalog", "nc-pw", listed, 2, s -> c -> s.scan(listed, c));
        assertThat(result.discoveredBy()).isEqualTo("the configured repositories list");
        assertThat(result.totalLine()).isEqualTo("Total: 8 = Success: 8 + Failed: 0 + Skipped: 0");
    }

    @Test
    void aRobotLackingOneProjectFailsThoseImagesAndScansTheRest(@TempDir Path dir) throws Exception {
        RegistryConfig config = config(List.of(), FilterConfig.NONE);
        RegistryScanResult result = scan(dir, "robot-partial", "rp-pw", config, 3, s -> c -> s.scan(config, c));

        List<ImageRecord> failed = result.records().stream().filter(r -> r.status() == ImageStatus.FAILED).toList();
        assertThat(failed).extracting(ImageRecord::repository).containsOnly("team-c/cache", "team-c/db");
        assertThat(failed).extracting(ImageRecord::failureCode).containsOnly(FailureCode.AUTH_INSUFFICIENT_SCOPE.name());
        assertThat(result.totals().success()).isEqualTo(6 * 4);
        assertThat(result.totals().total()).isEqualTo(result.totals().success() + failed.size());
        assertThat(result.anyFailed()).isTrue();
    }

    @Test
    void filtersSkipWithReasonsAndIncludeBeatsExclude(@TempDir Path dir) throws Exception {
        String host = registry.host().replace(".", "\\.");
        FilterConfig filter = new FilterConfig(List.of(host + "/team-a/api:v1"), List.of(".*/team-a/.*"), 1000, 3, 6);
        RegistryScanResult result = fullScan(dir, config(List.of(), filter), 3);

        Map<String, ImageRecord> records = byReference(result);
        assertThat(result.totals().total()).as("every discovered image is counted").isEqualTo(fleet.size());
        assertThat(records.get("team-a/api:v1").status()).as("include beats exclude, age and max tags")
                .isEqualTo(ImageStatus.SUCCESS);
        assertThat(records.get("team-a/api:v2").skipReason()).startsWith("exclude");
        // team-b/api survives exclude: v1 (2024-01) is older than 1000 days, v2 (2024-06) is not.
        assertThat(records.get("team-b/api:v1").skipReason()).startsWith("max_age_days");
        // max 3 tags per repository, most recent first: latest and v4 (one image) and v3 stay; v2 goes.
        assertThat(records.get("team-b/api:latest,v4").status()).isEqualTo(ImageStatus.SUCCESS);
        assertThat(records.get("team-b/api:v3").status()).isEqualTo(ImageStatus.SUCCESS);
        assertThat(records.get("team-b/api:v2").skipReason()).startsWith("max_tags_per_repository");
        // 6 repositories kept by name: public/tools, team-a/*, team-b/api, team-b/web; team-c/* cut per tag.
        assertThat(records.get("team-c/db:v3").skipReason()).startsWith("max_repositories_per_registry");
        assertThat(result.records()).filteredOn(r -> r.repository().startsWith("team-c/"))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(ImageStatus.SKIPPED)).hasSize(8);
        assertThat(records.get("team-c/db:latest,v4").digest()).as("tags grouped by a manifest HEAD").startsWith("sha256:");
        assertThat(result.totals().skipped() + result.totals().success()).isEqualTo(result.totals().total());
    }

    @Test
    void twoSecondTokensNeverFailALongScan(@TempDir Path dir) throws Exception {
        tokens.setTtl(Duration.ofSeconds(2));
        try {
            int before = tokens.tokenRequests();
            long start = System.nanoTime();
            RegistryConfig config = config(List.of(), FilterConfig.NONE);
            RegistryClient client = FleetRegistry.client(registry, ca, dir, FleetRegistry.user("admin", "admin-pw"));
            // Each image takes at least 250 ms more, as a slow registry would make it: 32 images outlive 4 tokens.
            ScanListener slow = new ScanListener() {
                @Override
                public void log(ScanPhase phase, String message) {
                }

                @Override
                public void progress(ScanPhase phase, int done, int total, int failed) {
                }

                @Override
                public void imageRecorded(ImageRecord record) {
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            RegistryScanResult result;
            try (ResultsStore store = ResultsStore.sqlite(dir.resolve("results.db"));
                 VulnerabilityStore vulndb = SqliteVulnerabilityStore.open(vulndbFile)) {
                result = FleetRegistry.scanner(store, vulndb, FleetRegistry.settings(1), slow).scan(config, client);
            }
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();

            assertThat(result.totals().failed()).isZero();
            assertThat(result.totals().success()).isEqualTo(fleet.size());
            assertThat(seconds).as("the scan outlives several token lifetimes").isGreaterThanOrEqualTo(4);
            assertThat(tokens.tokenRequests() - before).as("re-authentications over " + seconds + " s")
                    .isGreaterThanOrEqualTo((int) (seconds / 2));
        } finally {
            tokens.setTtl(Duration.ofMinutes(5));
        }
    }

    @Test
    void anImageWithNothingToCheckFailsAsIncompleteInsteadOfLookingClean(@TempDir Path dir) throws Exception {
        try (LocalRegistry plain = LocalRegistry.builder().anonymous().start()) {
            Skopeo.copy(Skopeo.oci(io.stella.testing.TestImages.singleArch(dir.resolve("random"), "linux", "amd64", null,
                    64 * 1024)), plain, "tools/blob:1", PushAuth.none(), false);
            ImageFleet.push(plain, PushAuth.none(), ImageFleet.standard(List.of("tools/alpine")).subList(0, 1),
                    dir.resolve("fleet"));
            RegistryConfig config = new RegistryConfig("plain", RegistryUrl.of(plain.host()), null, null, null, null,
                    FilterConfig.NONE);
            RegistryClient client = FleetRegistry.client(plain, ca, dir, FleetRegistry.user("nobody", "unused"));
            try (ResultsStore store = ResultsStore.sqlite(dir.resolve("results.db"));
                 VulnerabilityStore vulndb = SqliteVulnerabilityStore.open(vulndbFile)) {
                RegistryScanResult result = FleetRegistry.scanner(store, vulndb, FleetRegistry.settings(2),
                        ScanListener.NONE).scan(config, client);

                ImageRecord blob = byReference(result).get("tools/blob:1");
                assertThat(blob.status()).isEqualTo(ImageStatus.FAILED);
                assertThat(blob.failureCode()).isEqualTo(FailureCode.SCAN_INCOMPLETE.name());
                assertThat(blob.failureMessage()).contains("no package was found");
                assertThat(result.totalLine()).isEqualTo("Total: 2 = Success: 1 + Failed: 1 + Skipped: 0");
                assertThat(result.anyFailed()).isTrue();
            }
        }
    }

    @Test
    void theResultsCanLiveInPostgreSql(@TempDir Path dir) throws Exception {
        RegistryConfig config = config(List.of("team-a/api", "team-b/web"), FilterConfig.NONE);
        RegistryClient client = FleetRegistry.client(registry, ca, dir, FleetRegistry.user("admin", "admin-pw"));
        try (LocalPostgres postgres = LocalPostgres.start();
             VulnerabilityStore vulndb = SqliteVulnerabilityStore.open(vulndbFile)) {
            RegistryScanResult first;
            try (ResultsStore store = ResultsStore.jdbc(postgres.jdbcUrl(), postgres.username(),
                    io.stella.registry.Secret.of(postgres.password()))) {
                first = FleetRegistry.scanner(store, vulndb, FleetRegistry.settings(3), ScanListener.NONE).scan(config, client);
            }
            assertThat(first.totalLine()).isEqualTo("Total: 8 = Success: 8 + Failed: 0 + Skipped: 0");
            assertThat(first.layersRead()).as("three shared bases, one own layer per image").isEqualTo(3 + 8);
            try (ResultsStore store = ResultsStore.jdbc(postgres.jdbcUrl(), postgres.username(),
                    io.stella.registry.Secret.of(postgres.password()))) {
                RegistryScanResult rescan = FleetRegistry.scanner(store, vulndb, FleetRegistry.settings(3), ScanListener.NONE)
                        .rescan(config, client);
                assertThat(rescan.totals()).isEqualTo(first.totals());
                assertThat(rescan.layersRead()).isZero();
                assertThat(store.knownImages("fleet")).hasSize(8);
                assertThat(store.latestRun("fleet").orElseThrow().mode()).isEqualTo("rescan");
            }
        }
    }

    private static String sha256(Path file) throws Exception {
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        try (var in = java.nio.file.Files.newInputStream(file)) {
            in.transferTo(new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), md));
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }
}
