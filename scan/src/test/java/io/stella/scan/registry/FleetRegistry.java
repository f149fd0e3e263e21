package io.stella.scan.registry;

import io.stella.inventory.analysis.AnalysisOptions;
import io.stella.inventory.analysis.ImageAnalyzer;
import io.stella.registry.Secret;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.CredentialOrigin;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.client.Endpoint;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.client.RequestLimit;
import io.stella.registry.http.NetworkSettings;
import io.stella.registry.http.TlsSettings;
import io.stella.scan.ScanOptions;
import io.stella.scan.VulnerabilityScanner;
import io.stella.scan.store.ResultsStore;
import io.stella.testing.ImageFleet;
import io.stella.testing.LocalRegistry;
import io.stella.testing.TestCa;
import io.stella.testing.TestImages;
import io.stella.testing.TokenService;
import io.stella.vulndb.VulnDatabase;
import io.stella.vulndb.store.VulnerabilityStore;
import io.stella.vulndb.version.VersionSchemes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the registry-scan tests share: a token-auth registry holding a fleet, a vulnerability DB, clients. */
final class FleetRegistry {
    static final List<String> REPOSITORIES = List.of("team-a/api", "team-a/web", "team-a/worker", "team-b/api",
            "team-b/web", "team-c/cache", "team-c/db", "public/tools");

    private FleetRegistry() {
    }

    static Path vulnerabilityDatabase(Path dir) throws Exception {
        Path file = dir.resolve("stella.db");
        VulnDatabase db = VulnDatabase.open(file);
        List<Path> inputs = new ArrayList<>();
        for (ImageFleet.Base base : List.of(ImageFleet.ALPINE_3_7, ImageFleet.ALPINE_3_10, ImageFleet.ALPINE_3_11)) {
            for (String repo : List.of("main", "community")) {
                inputs.add(TestImages.testData().resolve("alpine-secdb/" + base.secdbBranch() + "/" + repo + ".yaml"));
            }
        }
        db.importPaths(inputs);
        return file;
    }

    static ResolvedCredential user(String name, String password) {
        return new ResolvedCredential(new Credential.UsernamePassword(name, Secret.of(password)),
                new CredentialOrigin("explicit", "test user " + name));
    }

    static RegistryClient client(LocalRegistry registry, TestCa ca, Path dir, ResolvedCredential credential) throws Exception {
        Path pem = ca.writeCaPem(Files.createDirectories(dir.resolve("ca")));
        return RegistryClient.builder(Endpoint.parse(registry.host(), false))
                .environment(Map.of())
                .credential(credential)
                .tls(new TlsSettings(List.of(pem), false))
                .network(NetworkSettings.DEFAULT.withTimeout(Duration.ofSeconds(20)))
                .requestLimit(RequestLimit.of(8))
                .build();
    }

    static RegistryScanner scanner(ResultsStore store, VulnerabilityStore vulndb, RegistryScanSettings settings,
                                   ScanListener listener) {
        // The secdb snapshots are from 2020: the database's age is not what these tests are about.
        VulnerabilityScanner vulnerabilities = new VulnerabilityScanner(vulndb, VersionSchemes.installed(),
                new ScanOptions(Duration.ofDays(365 * 50), Clock.systemUTC()));
        return new RegistryScanner(store, vulnerabilities, ImageAnalyzer.withInstalledAnalyzers(AnalysisOptions.DEFAULT),
                "test-analyzers", settings, listener);
    }

    static RegistryScanSettings settings(int workers) {
        return RegistryScanSettings.defaults(AnalysisOptions.DEFAULT).withWorkers(workers, Duration.ofMinutes(5), 8);
    }

    /** The token service of the fleet: admin may do anything; robots see less. */
    static TokenService.Builder tokens(TestCa ca) {
        return TokenService.builder(ca)
                .user("admin", "admin-pw").grant("admin", "*", "pull", "push").catalogUser("admin")
                .user("robot-nocatalog", "nc-pw").grant("robot-nocatalog", "*", "pull")
                .user("robot-partial", "rp-pw").grant("robot-partial", "team-a", "pull")
                .grant("robot-partial", "team-b", "pull").grant("robot-partial", "public", "pull")
                .catalogUser("robot-partial")
                .ttl(Duration.ofMinutes(5));
    }
}
