package io.stella.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Asserts that a scheme rejects a version with an {@link InvalidVersionException} naming it and why. */
final class InvalidVersions {
    private InvalidVersions() {
    }

    static void assertRejected(VersionScheme scheme, String version, String reasonFragment) {
        assertThatThrownBy(() -> scheme.compare(version, "1.0.0"))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageContaining("'" + version + "'")
                .hasMessageContaining(scheme.id())
                .hasMessageContaining(reasonFragment)
                .satisfies(e -> {
                    InvalidVersionException invalid = (InvalidVersionException) e;
                    assertThat(invalid.version()).isEqualTo(version);
                    assertThat(invalid.scheme()).isEqualTo(scheme.id());
                });
        assertThatThrownBy(() -> scheme.compare("1.0.0", version)).isInstanceOf(InvalidVersionException.class);
        assertThat(scheme.isValid(version)).as("isValid(%s)", version).isFalse();
    }
}
