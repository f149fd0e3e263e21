package io.stella.registry.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class DigestVerifyingInputStreamTest {
    private static final byte[] DATA = "hello, layer".getBytes();

    @Test
    void passesMatchingContent() throws Exception {
        try (InputStream in = new DigestVerifyingInputStream(new ByteArrayInputStream(DATA), Digests.sha256(DATA),
                DATA.length, "blob")) {
            assertThat(in.readAllBytes()).isEqualTo(DATA);
        }
    }

    @Test
    void failsOnDigestMismatchAtEnd() {
        InputStream in = new DigestVerifyingInputStream(new ByteArrayInputStream(DATA), Digests.sha256("other".getBytes()),
                DATA.length, "blob x");
        assertThatThrownBy(in::readAllBytes).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.code()).isEqualTo(FailureCode.DIGEST_MISMATCH);
            assertThat(e.evidence()).containsEntry("actual_digest", Digests.sha256(DATA));
        });
    }

    @Test
    void failsOnShortAndLongContent() {
        InputStream shortIn = new DigestVerifyingInputStream(new ByteArrayInputStream(DATA), Digests.sha256(DATA),
                DATA.length + 1, "b");
        assertThatThrownBy(shortIn::readAllBytes).hasMessageContaining("descriptor gives");
        InputStream longIn = new DigestVerifyingInputStream(new ByteArrayInputStream(DATA), Digests.sha256(DATA),
                DATA.length - 1, "b");
        assertThatThrownBy(longIn::readAllBytes).hasMessageContaining("more than");
    }

    @Test
    void sha512IsSupported() throws Exception {
        String d = Digests.of("sha512", DATA);
        assertThat(d).startsWith("sha512:").hasSize(7 + 128);
        try (InputStream in = new DigestVerifyingInputStream(new ByteArrayInputStream(DATA), d, -1, "b")) {
            assertThat(in.readAllBytes()).isEqualTo(DATA);
        }
    }
}
