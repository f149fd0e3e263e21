package io.stella.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretRedactionTest {

    @Test
    void masksAuthorizationHeadersAndBearerTokens() {
        assertThat(SecretRedaction.redact("sent Authorization: Basic YWxpY2U6cHctc2VjcmV0 to the registry"))
                .isEqualTo("sent Authorization: **** to the registry");
        assertThat(SecretRedaction.redact("header Bearer abc.def-ghi_123456 ok"))
                .isEqualTo("header Bearer **** ok");
    }

    @Test
    void masksPasswordAssignmentsAndKeepsTheirNames() {
        assertThat(SecretRedaction.redact("login password=hunter2-very-secret&user=alice"))
                .isEqualTo("login password=****&user=alice");
        assertThat(SecretRedaction.redact("{\"password\": \"s3cr3t\"}")).doesNotContain("s3cr3t");
        assertThat(SecretRedaction.redact("refresh_token: 0123abcd")).isEqualTo("refresh_token: ****");
    }

    @Test
    void masksJwtsWholeOrTruncated() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";
        assertThat(SecretRedaction.redact("token " + jwt + " expired")).isEqualTo("token **** expired");
        assertThat(SecretRedaction.redact("got eyJhbGciOiJSUzI1")).isEqualTo("got ****");
    }

    @Test
    void leavesOrdinaryLinesAlone() {
        String line = "image=127.0.0.1:5000/team/app@sha256:0123456789abcdef status=FAILED code=AUTH_INVALID_CREDENTIALS "
                + "message=\"the registry rejected the credentials\"";
        assertThat(SecretRedaction.redact(line)).isEqualTo(line);
        assertThat(SecretRedaction.redact("auth method: basic")).isEqualTo("auth method: basic");
        assertThat(SecretRedaction.redact("the registry wants Basic authentication, then Bearer tokens"))
                .isEqualTo("the registry wants Basic authentication, then Bearer tokens");
    }
}
