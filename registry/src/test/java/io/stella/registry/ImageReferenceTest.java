package io.stella.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ImageReferenceTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "alpine                                  | docker.io        | library/alpine   | latest | -",
            "alpine:3.20                             | docker.io        | library/alpine   | 3.20   | -",
            "docker.io/alpine                        | docker.io        | library/alpine   | latest | -",
            "index.docker.io/library/alpine:3        | docker.io        | library/alpine   | 3      | -",
            "bitnami/redis:7                         | docker.io        | bitnami/redis    | 7      | -",
            "localhost/app                           | localhost        | app              | latest | -",
            "localhost:5000/team/app:1.0             | localhost:5000   | team/app         | 1.0    | -",
            "127.0.0.1:5000/a/b/c:v1.2_rc-3          | 127.0.0.1:5000   | a/b/c            | v1.2_rc-3 | -",
            "Registry.Example.COM/team/app           | registry.example.com | team/app     | latest | -",
            "[::1]:5000/app:x                        | [::1]:5000       | app              | x      | -",
            "ghcr.io/o/r@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef | ghcr.io | o/r | - | sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "h.io/o/r:t@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef | h.io | o/r | t | sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "my-registry.io/a__b/c.d/e-f             | my-registry.io   | a__b/c.d/e-f     | latest | -",
    })
    void parses(String text, String registry, String repository, String tag, String digest) {
        ImageReference ref = ImageReference.parse(text);
        assertThat(ref.registry()).isEqualTo(registry);
        assertThat(ref.repository()).isEqualTo(repository);
        assertThat(ref.tag()).isEqualTo(tag);
        assertThat(ref.digest()).isEqualTo(digest);
    }

    @Test
    void dockerHubApiHostDiffersFromItsName() {
        assertThat(ImageReference.parse("alpine").apiHost()).isEqualTo("registry-1.docker.io");
        assertThat(ImageReference.parse("quay.io/a/b").apiHost()).isEqualTo("quay.io");
    }

    @Test
    void manifestReferencePrefersDigest() {
        String d = "sha256:" + "a".repeat(64);
        assertThat(ImageReference.parse("h.io/r:t@" + d).manifestReference()).isEqualTo(d);
        assertThat(ImageReference.parse("h.io/r:t").manifestReference()).isEqualTo("t");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "Alpine", "h.io/Team/app", "h.io/app:", "h.io/app:-x", "h.io/app@sha256:abc",
            "h.io/app@md5:0123456789abcdef0123456789abcdef", "https://h.io/app", "h.io//app", "h.io/app/", "h.io/-app",
            "bad_host:5000x/app"})
    void rejectsInvalidReferencesWithAReason(String text) {
        assertThatThrownBy(() -> ImageReference.parse(text))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.INVALID_REFERENCE);
                    assertThat(e.getMessage()).startsWith("invalid image reference");
                    assertThat(e.hint()).contains("repository");
                });
    }

    @Test
    void rejectsOverlongTag() {
        assertThatThrownBy(() -> ImageReference.parse("h.io/app:x" + "y".repeat(128)))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.getMessage()).contains("1-128"));
    }

    @Test
    void roundTripsToString() {
        assertThat(ImageReference.parse("alpine").toString()).isEqualTo("docker.io/library/alpine:latest");
        assertThat(ImageReference.parse("127.0.0.1:5000/a:b").toString()).isEqualTo("127.0.0.1:5000/a:b");
    }
}
