package io.stella.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.registry.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialExpiryTest {
    private static String jwt(String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"ES256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    @Test
    void aJwtCredentialExpiresWhenItsExpSays() {
        String token = jwt("{\"sub\":\"robot\",\"exp\":1893456000}");
        assertThat(CredentialExpiry.of(new Credential.RegistryToken(Secret.of(token))))
                .contains(Instant.ofEpochSecond(1893456000));
        assertThat(CredentialExpiry.of(new Credential.IdentityToken("<token>", Secret.of(token))))
                .contains(Instant.ofEpochSecond(1893456000));
        assertThat(CredentialExpiry.of(new Credential.UsernamePassword("AWS", Secret.of(token))))
                .as("a token used as password").contains(Instant.ofEpochSecond(1893456000));
    }

    @Test
    void passwordsOpaqueTokensAndJwtsWithoutExpHaveNoKnownExpiry() {
        assertThat(CredentialExpiry.of(new Credential.UsernamePassword("alice", Secret.of("s3cret.with.dots")))).isEmpty();
        assertThat(CredentialExpiry.of(new Credential.RegistryToken(Secret.of("ghp_opaque")))).isEmpty();
        assertThat(CredentialExpiry.of(new Credential.RegistryToken(Secret.of(jwt("{\"sub\":\"x\"}"))))).isEmpty();
        assertThat(CredentialExpiry.of(new Credential.RegistryToken(Secret.of("eyJub3Q.!!!.x")))).isEmpty();
        assertThat(CredentialExpiry.of(new Credential.Anonymous())).isEmpty();
    }
}
