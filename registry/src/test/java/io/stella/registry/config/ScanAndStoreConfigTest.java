package io.stella.registry.config;

import static io.stella.registry.auth.sources.NoSecretLeaks.assertNoSecretIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScanAndStoreConfigTest {

    @Test
    void scanDefaults() {
        ScanConfig defaults = ScanConfig.defaults();

        assertThat(defaults.maxWorkersOrDefault()).isEqualTo(5);
        assertThat(defaults.timeoutPerImageOrDefault()).isEqualTo(Duration.ofMinutes(30));
        assertThat(defaults.maxConcurrentRequestsPerRegistryOrDefault()).isEqualTo(10);
    }

    @Test
    void scanValuesOverrideTheDefaults() {
        ScanConfig scan = new ScanConfig(2, "90s", 3);

        assertThat(scan.maxWorkersOrDefault()).isEqualTo(2);
        assertThat(scan.timeoutPerImageOrDefault()).isEqualTo(Duration.ofSeconds(90));
        assertThat(scan.maxConcurrentRequestsPerRegistryOrDefault()).isEqualTo(3);
    }

    @Test
    void scanRejectsNonPositiveCountsAndBadTimeouts() {
        assertThat(rejected(() -> new ScanConfig(0, null, null)))
                .hasMessage("max_workers must be at least 1, not 0; remove it for the default");
        assertThat(rejected(() -> new ScanConfig(null, null, -2)).key()).isEqualTo("max_concurrent_requests_per_registry");
        assertThat(rejected(() -> new ScanConfig(null, "10x", null)).key()).isEqualTo("timeout_per_image");
        assertThat(rejected(() -> new ScanConfig(null, "1d", null)).getMessage())
                .as("a timeout is seconds, minutes or hours").contains("e.g. 90s, 10m, 2h");
    }

    @Test
    void storeDefaultsToASqliteFileUnderStellaHome() {
        StoreConfig store = StoreConfig.defaults();

        assertThat(store.postgresqlUrl()).isEmpty();
        assertThat(store.sqliteFileOrDefault(Path.of("/home/u/.stella"))).isEqualTo(Path.of("/home/u/.stella/db/results.db"));
        assertThat(new StoreConfig(null, Path.of("/data/r.db"), null, null, null).sqliteFileOrDefault(Path.of("/h")))
                .isEqualTo(Path.of("/data/r.db"));
    }

    @Test
    void storeTakesOnlyPostgresqlUrls() {
        InvalidConfigValueException e = rejected(() -> new StoreConfig("jdbc:mysql://db:3306/stella", null, null, null, null));

        assertThat(e.key()).isEqualTo("url");
        assertThat(e.getMessage()).contains("only PostgreSQL is supported").contains("path");
        assertThat(new StoreConfig("jdbc:postgresql://db:5432/stella", null, "stella", "PG_PASSWORD", null).postgresqlUrl())
                .contains("jdbc:postgresql://db:5432/stella");
    }

    @Test
    void storeUrlWithAPasswordIsRejectedWithoutEchoingIt() {
        InvalidConfigValueException e = rejected(() -> new StoreConfig(
                "jdbc:postgresql://db:5432/stella?user=stella&password=pg-pw-in-url-3", null, null, null, null));

        assertThat(e.key()).isEqualTo("url");
        assertThat(e.getMessage()).contains("password_env").doesNotContain("pg-pw-in-url-3");
        InvalidConfigValueException mysql = rejected(() -> new StoreConfig("mysql://u:pg-pw-in-url-3@db/x", null, null, null, null));
        assertNoSecretIn(mysql, "pg-pw-in-url-3");
    }

    @Test
    void storeUrlAndPathAreExclusive() {
        InvalidConfigValueException e = rejected(() -> new StoreConfig("jdbc:postgresql://db/stella", Path.of("r.db"), null, null, null));

        assertThat(e.key()).isEqualTo("path");
        assertThat(e.getMessage()).contains("either url").contains("not both");
    }

    @Test
    void storeCredentialsAreForPostgresqlOnlyAndFollowTheRegistryRules() {
        assertThat(rejected(() -> new StoreConfig(null, Path.of("r.db"), "stella", "PG_PASSWORD", null)))
                .hasMessageContaining("only for a PostgreSQL url");
        assertThat(rejected(() -> new StoreConfig("jdbc:postgresql://db/s", null, null, "PG_PASSWORD", null)).key())
                .isEqualTo("username");
        assertThat(rejected(() -> new StoreConfig("jdbc:postgresql://db/s", null, "u", "PG", Path.of("/run/pw"))).key())
                .isEqualTo("password_file");
        assertThat(rejected(() -> new StoreConfig("jdbc:postgresql://db/s", null, "u", "not a name!", null)))
                .hasMessageContaining("NAME of an environment variable").hasMessageNotContaining("not a name!");
        assertThat(new StoreConfig("jdbc:postgresql://db/s", null, "u", null, null).username())
                .as("a user without password (trust or certificate authentication)").isEqualTo("u");
    }

    private static InvalidConfigValueException rejected(Runnable construction) {
        InvalidConfigValueException e = catchThrowableOfType(InvalidConfigValueException.class, construction::run);
        assertThat(e).as("should be rejected").isNotNull();
        return e;
    }
}
