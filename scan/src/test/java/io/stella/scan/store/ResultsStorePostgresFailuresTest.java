package io.stella.scan.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.stella.registry.Secret;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.testing.LocalPostgres;
import io.stella.testing.Ports;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A PostgreSQL store that cannot be opened says where and why, and never shows a password. */
@Tag("integration")
class ResultsStorePostgresFailuresTest {

    private static LocalPostgres postgres;

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

    @Test
    void aWrongPasswordIsUnavailableWithoutShowingThePassword() {
        String wrong = "Wr0ngPassw0rd-" + System.nanoTime();
        RegistryException e = unavailable(() -> ResultsStore.jdbc(postgres.jdbcUrl(), postgres.username(),
                Secret.of(wrong)));

        assertThat(e.getMessage()).startsWith("cannot open the results store " + postgres.jdbcUrl() + ": ")
                .contains("password authentication failed");
        assertThat(e.evidence()).containsEntry("store", postgres.jdbcUrl());
        assertThat(e.hint()).contains("JDBC URL, user and password");
        assertThat(printed(e)).doesNotContain(wrong).doesNotContain(postgres.password());
    }

    @Test
    void aPasswordInTheUrlIsRedactedFromWhatIsShown() {
        String wrong = "InTheUrl-" + System.nanoTime();
        String url = postgres.jdbcUrl() + "?user=" + postgres.username() + "&password=" + wrong;
        RegistryException e = unavailable(() -> ResultsStore.jdbc(url, null, null));

        assertThat(e.getMessage()).contains(postgres.jdbcUrl() + "?user=stella&password=***")
                .contains("password authentication failed");
        assertThat(printed(e)).doesNotContain(wrong);
    }

    @Test
    void aServerThatIsNotThereIsUnavailableNamingTheUrl() {
        String url = "jdbc:postgresql://127.0.0.1:" + Ports.freePort() + "/stella";
        RegistryException e = unavailable(() -> ResultsStore.jdbc(url, "stella", Secret.of("irrelevant")));
        assertThat(e.getMessage()).startsWith("cannot open the results store " + url + ": ")
                .contains("Connection to 127.0.0.1");
    }

    @Test
    void aJdbcUrlOfAnotherDatabaseIsRefused() {
        RegistryException e = unavailable(() -> ResultsStore.jdbc("jdbc:mysql://db/stella?password=s3cret", "u",
                null));
        assertThat(e.getMessage()).isEqualTo("cannot open the results store jdbc:mysql://db/stella?password=***: "
                + "only PostgreSQL is supported (jdbc:postgresql://host[:port]/database)");
    }

    private static RegistryException unavailable(java.util.function.Supplier<ResultsStore> open) {
        Throwable thrown = catchThrowable(() -> open.get().close());
        assertThat(thrown).isInstanceOf(RegistryException.class);
        RegistryException e = (RegistryException) thrown;
        assertThat(e.code()).isEqualTo(FailureCode.STORE_UNAVAILABLE);
        return e;
    }

    /** Everything a failure report could print: message, hint, evidence and the causes' stack traces. */
    private static String printed(RegistryException e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return e + "\n" + e.hint() + "\n" + e.evidence() + "\n" + trace;
    }
}
