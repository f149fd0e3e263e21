package io.stella.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.registry.Secret;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    @TempDir
    Path dir;

    private Map<String, String> env() {
        return Map.of("STELLA_HOME", dir.toString());
    }

    @Test
    void keyFileIsCreatedOwnerOnlyAndDecryptsWhatItEncrypted() throws IOException {
        MasterKey key = MasterKey.findOrCreate(env());
        String sealed = new SecretCipher(key).encrypt(Secret.of("hunter2-very-secret"));

        assertThat(sealed).startsWith("v1:").doesNotContain("hunter2");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("master.key")))).isEqualTo("rw-------");
        assertThat(new SecretCipher(MasterKey.find(env()).orElseThrow()).decrypt(sealed).reveal()).isEqualTo("hunter2-very-secret");
        assertThat(new SecretCipher(key).encrypt(Secret.of("hunter2-very-secret"))).as("fresh nonce").isNotEqualTo(sealed);
    }

    @Test
    void theEnvironmentKeyWinsAndAnotherKeyCannotDecrypt() {
        String envKey = Base64.getEncoder().encodeToString(new byte[32]);
        Map<String, String> withKey = Map.of("STELLA_HOME", dir.toString(), MasterKey.ENV_VAR, envKey);
        String sealed = new SecretCipher(MasterKey.findOrCreate(withKey)).encrypt(Secret.of("pw"));

        assertThat(dir.resolve("master.key")).doesNotExist();
        assertThatThrownBy(() -> new SecretCipher(MasterKey.findOrCreate(env())).decrypt(sealed))
                .isInstanceOf(SecretCipher.WrongKeyException.class);
    }

    @Test
    void aKeyOfTheWrongSizeIsAConfigError() {
        Map<String, String> bad = Map.of("STELLA_HOME", dir.toString(), MasterKey.ENV_VAR,
                Base64.getEncoder().encodeToString("short".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> MasterKey.find(bad)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("STELLA_MASTER_KEY is not base64 of 32 bytes");
    }

    @Test
    void encryptedPasswordsAreCheckedInTheConfig() {
        assertThatThrownBy(() -> new CredentialsConfig("u", null, null, null, "plain-password"))
                .isInstanceOf(InvalidConfigValueException.class)
                .hasMessageContaining("password_encrypted is not a value stella encrypted")
                .hasMessageNotContaining("plain-password");
        String sealed = new SecretCipher(MasterKey.findOrCreate(env())).encrypt(Secret.of("pw"));
        assertThatThrownBy(() -> new CredentialsConfig("u", "PW", null, null, sealed))
                .hasMessageContaining("set only one of password_env, password_file and password_encrypted");
        assertThat(new CredentialsConfig("u", null, null, null, sealed).encryptedPassword()).contains(sealed);
    }

    @Test
    void refreshIntervalAndTimeoutAreDurations() {
        RegistryUrl url = RegistryUrl.of("r.example.com");
        RegistryConfig ok = new RegistryConfig(null, url, null, null, null, null, null, null, true, "11h", "30s");
        assertThat(ok.refreshIntervalDuration()).contains(java.time.Duration.ofHours(11));
        assertThatThrownBy(() -> new RegistryConfig(null, url, null, null, null, null, null, null, null, "11", null))
                .isInstanceOf(InvalidConfigValueException.class)
                .satisfies(e -> assertThat(((InvalidConfigValueException) e).key()).isEqualTo("refresh_interval"));
    }
}
