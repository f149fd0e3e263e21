package io.stella.scan.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void passwordsInParametersAndUserInfoAreRedacted() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://db:5432/stella?user=u&password=p%40ss&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/stella?user=u&password=***&ssl=true");
        assertThat(JdbcUrls.redact("jdbc:postgresql://db/stella?PASSWORD=x;sslpassword=y"))
                .isEqualTo("jdbc:postgresql://db/stella?PASSWORD=***;sslpassword=***");
        assertThat(JdbcUrls.redact("jdbc:postgresql://u:secret@db/stella")).isEqualTo("jdbc:postgresql://u:***@db/stella");
    }

    @Test
    void aUrlWithoutSecretsIsUnchanged() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://127.0.0.1:5432/stella?user=u&passwordless=1"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/stella?user=u&passwordless=1");
    }
}
