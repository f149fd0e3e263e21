package io.stella.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the config that drive registry scans: repositories, filter, scan and store. */
class RegistryScanConfigLoaderTest {

    @TempDir
    Path dir;

    private final StellaConfigLoader loader = new StellaConfigLoader();

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private RegistryException loadFailure(String yaml) throws IOException {
        Path file = write(yaml);
        RegistryException failure = catchThrowableOfType(RegistryException.class, () -> loader.load(file));
        assertThat(failure).as("loading should fail").isNotNull();
        assertThat(failure.code()).isEqualTo(FailureCode.CONFIG_INVALID);
        return failure;
    }

    private static void assertFailsAt(RegistryException failure, String keyPath, int line, String problem) {
        assertThat(failure.getMessage()).contains(keyPath + ": ").contains(problem).contains("(line " + line + ",");
        assertThat(failure.evidence()).containsEntry("key", keyPath).containsEntry("line", String.valueOf(line));
    }

    @Test
    void fullExampleLoadsWithEveryValue() throws IOException {
        Path file = write("""
                registries:
                  - name: harbor-prod
                    url: harbor.example.com
                    type: harbor
                    credentials:
                      username: robot$scanner
                      password_env: HARBOR_PASSWORD
                    tls:
                      ca_cert: certs/harbor-ca.pem
                    repositories: [team-a/app, team-b/api]
                    filter:
                      include: ["harbor\\\\.example\\\\.com/team-a/.*"]
                      exclude: [".*:.*-debug$", ".*:nightly"]
                      max_age_days: 90
                      max_tags_per_repository: 5
                      max_repositories_per_registry: 100
                  - url: ghcr.io
                    type: ghcr
                scan:
                  max_workers: 8
                  timeout_per_image: 10m
                  max_concurrent_requests_per_registry: 4
                store:
                  url: jdbc:postgresql://db:5432/stella
                  username: stella
                  password_file: secrets/store-password
                """);

        StellaConfig config = loader.load(file);

        RegistryConfig harbor = config.registries().get(0);
        assertThat(harbor.type()).isEqualTo(RegistryType.HARBOR);
        assertThat(harbor.tls().caCertPath()).contains(dir.toAbsolutePath().resolve("certs/harbor-ca.pem"));
        assertThat(harbor.repositories()).containsExactly("team-a/app", "team-b/api");
        assertThat(harbor.listedRepositories()).contains(List.of("team-a/app", "team-b/api"));
        assertThat(harbor.filter()).isEqualTo(new FilterConfig(List.of("harbor\\.example\\.com/team-a/.*"),
                List.of(".*:.*-debug$", ".*:nightly"), 90, 5, 100));

        RegistryConfig ghcr = config.registries().get(1);
        assertThat(ghcr.listedRepositories()).as("no list: discover from the catalog").isEmpty();
        assertThat(ghcr.filter()).isEqualTo(FilterConfig.NONE);

        assertThat(config.scan()).isEqualTo(new ScanConfig(8, "10m", 4));
        assertThat(config.scan().timeoutPerImageOrDefault()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.store().postgresqlUrl()).contains("jdbc:postgresql://db:5432/stella");
        assertThat(config.store().username()).isEqualTo("stella");
        assertThat(config.store().passwordFilePath()).contains(dir.toAbsolutePath().resolve("secrets/store-password"));
    }

    @Test
    void relativeStorePathIsRelativeToTheConfigFile() throws IOException {
        StellaConfig config = loader.load(write("""
                store:
                  path: data/results.db
                """));

        assertThat(config.store().path()).isEqualTo(dir.toAbsolutePath().resolve("data/results.db"));
        assertThat(config.store().sqliteFileOrDefault(Path.of("/unused"))).isEqualTo(dir.toAbsolutePath().resolve("data/results.db"));
    }

    @Test
    void absentSectionsGiveTheDefaults() throws IOException {
        StellaConfig config = loader.load(write("""
                registries:
                  - url: quay.io
                """));

        assertThat(config.registries().get(0).filter()).isEqualTo(FilterConfig.NONE);
        assertThat(config.registries().get(0).repositories()).isNull();
        assertThat(config.scan().maxWorkersOrDefault()).isEqualTo(5);
        assertThat(config.scan().timeoutPerImageOrDefault()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.scan().maxConcurrentRequestsPerRegistryOrDefault()).isEqualTo(10);
        assertThat(config.store()).isEqualTo(StoreConfig.defaults());
        assertThat(config.store().sqliteFileOrDefault(Path.of("/home/u/.stella"))).isEqualTo(Path.of("/home/u/.stella/db/results.db"));
        assertThat(loader.load(write("scan:\nstore:\n")).scan()).isEqualTo(ScanConfig.defaults());
    }

    @Test
    void invalidRegexNamesTheEntryAndTheProblem() throws IOException {
        RegistryException failure = loadFailure("""
                registries:
                  - url: harbor.example.com
                    filter:
                      include:
                        - "harbor\\\\.example\\\\.com/team-a/.*"
                        - ".*:latest"
                        - "team-(a"
                """);

        assertFailsAt(failure, "registries[0].filter.include[2]", 7, "'team-(a' is not a valid regular expression: Unclosed group");
    }

    @Test
    void zeroMaxWorkersNamesKeyAndLine() throws IOException {
        RegistryException failure = loadFailure("""
                registries:
                  - url: harbor.example.com
                scan:
                  timeout_per_image: 5m
                  max_workers: 0
                """);

        assertFailsAt(failure, "scan.max_workers", 5, "must be at least 1");
    }

    @Test
    void timeoutThatIsNotADurationNamesKeyAndLine() throws IOException {
        RegistryException failure = loadFailure("""
                scan:
                  max_workers: 3
                  timeout_per_image: 10x
                """);

        assertFailsAt(failure, "scan.timeout_per_image", 3, "'10x' is not a duration");
        assertThat(failure.getMessage()).contains("e.g. 90s, 10m, 2h");
    }

    @Test
    void mysqlStoreUrlNamesKeyAndLine() throws IOException {
        RegistryException failure = loadFailure("""
                vulndb:
                  max_age: 7d
                store:
                  username: stella
                  url: jdbc:mysql://db:3306/stella
                """);

        assertFailsAt(failure, "store.url", 5, "only PostgreSQL is supported for a shared store");
    }

    @Test
    void unknownKeyUnderFilterNamesKeyLineAndTheAllowedKeys() throws IOException {
        RegistryException failure = loadFailure("""
                registries:
                  - url: a.example.com
                  - url: b.example.com
                    filter:
                      max_age_days: 30
                      max_tags: 5
                """);

        assertFailsAt(failure, "registries[1].filter.max_tags", 6, "unknown key 'max_tags'");
        assertThat(failure.getMessage()).contains("include, exclude, max_age_days, max_tags_per_repository, max_repositories_per_registry");
    }

    @Test
    void unknownKeysUnderScanAndStoreAreErrors() throws IOException {
        assertFailsAt(loadFailure("scan:\n  concurrency: 4\n"), "scan.concurrency", 2, "unknown key");
        assertFailsAt(loadFailure("store:\n  url: jdbc:postgresql://db/s\n  password: x\n"), "store.password", 3, "never holds secrets");
    }

    @Test
    void filterNumbersMustBePositiveWholeNumbers() throws IOException {
        assertFailsAt(loadFailure("""
                registries:
                  - url: a.example.com
                    filter:
                      max_age_days: -1
                """), "registries[0].filter.max_age_days", 4, "must be at least 1, not -1");
        assertFailsAt(loadFailure("""
                registries:
                  - url: a.example.com
                    filter:
                      max_tags_per_repository: 2.5
                """), "registries[0].filter.max_tags_per_repository", 4, "expected a whole number");
        assertFailsAt(loadFailure("""
                scan:
                  max_workers: "5"
                """), "scan.max_workers", 2, "expected a whole number");
        assertFailsAt(loadFailure("""
                scan:
                  max_workers: 99999999999
                """), "scan.max_workers", 2, "out of range");
    }

    @Test
    void filterListsMustBeLists() throws IOException {
        assertFailsAt(loadFailure("""
                registries:
                  - url: a.example.com
                    filter:
                      exclude: ".*-debug"
                """), "registries[0].filter.exclude", 4, "expected a list");
    }

    @Test
    void repositoriesAreCheckedAsRepositoryPaths() throws IOException {
        assertFailsAt(loadFailure("""
                registries:
                  - url: harbor.example.com
                    repositories:
                      - team-a/app
                      - Team-B/API
                """), "registries[0].repositories[1]", 5, "'Team-B/API' is not a repository path");
        assertFailsAt(loadFailure("""
                registries:
                  - url: harbor.example.com
                    repositories: [team-a/app:1.2]
                """), "registries[0].repositories[0]", 3, "has a tag or digest");
        assertFailsAt(loadFailure("""
                registries:
                  - url: harbor.example.com
                    repositories: [harbor.example.com/team-a/app]
                """), "registries[0].repositories[0]", 3, "starts with the registry host; give the repository path alone, e.g. team-a/app");
        assertFailsAt(loadFailure("""
                registries:
                  - url: harbor.example.com
                    repositories: [team-a/app, team-a/app]
                """), "registries[0].repositories[1]", 3, "already listed as repositories[0]");
    }

    @Test
    void emptyRepositoriesListSaysToRemoveTheKey() throws IOException {
        String removeIt = "remove the key to discover them from the registry's catalog";
        assertFailsAt(loadFailure("""
                registries:
                  - url: harbor.example.com
                    repositories: []
                """), "registries[0].repositories", 3, removeIt);
        assertFailsAt(loadFailure("""
                registries:
                  - url: harbor.example.com
                    repositories:
                    type: harbor
                """), "registries[0].repositories", 3, removeIt);
    }

    @Test
    void storeUrlAndPathTogetherNameThePath() throws IOException {
        assertFailsAt(loadFailure("""
                store:
                  url: jdbc:postgresql://db:5432/stella
                  path: results.db
                """), "store.path", 3, "not both");
    }
}
