package io.stella.scan.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.registry.Secret;
import io.stella.testing.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The contract on a real PostgreSQL server, a fresh database per test. */
@Tag("integration")
class ResultsStorePostgresTest extends ResultsStoreContract {

    private static LocalPostgres postgres;
    private String url;

    @BeforeAll
    static void startPostgres() {
        postgres = LocalPostgres.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void freshDatabase() {
        url = postgres.newDatabase();
    }

    @Override
    ResultsStore open(StoreEnvironment environment) {
        return PostgresDatabase.openStore(url, postgres.username(), Secret.of(postgres.password()), environment);
    }

    @Test
    void thePublicFactoryOpensTheDatabaseAndDescribesItByItsUrl() {
        try (ResultsStore store = ResultsStore.jdbc(url, postgres.username(), Secret.of(postgres.password()))) {
            assertThat(store.describe()).isEqualTo(url);
            assertThat(store.schemaVersion()).isEqualTo(1);
        }
    }
}
