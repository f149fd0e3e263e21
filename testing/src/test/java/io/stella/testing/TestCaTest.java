package io.stella.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCaTest {

    private static final TestCa CA = TestCa.create();

    @Test
    void caIsAnEcP256AuthorityNamedForStella() throws Exception {
        X509Certificate ca = CA.certificate();
        assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=stella test CA");
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(ca.getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(((ECPublicKey) ca.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(ca.getNotAfter().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(3000)));
        ca.verify(ca.getPublicKey());
    }

    @Test
    void serverCertificateSeparatesIpAddressesFromDnsNames() throws Exception {
        IssuedCert cert = CA.issueServer(List.of("127.0.0.1", "localhost", "::1", "registry.test"));
        cert.certificate().verify(CA.certificate().getPublicKey());
        assertThat(cert.certificate().getSubjectAlternativeNames())
                .containsExactlyInAnyOrder(List.of(7, "127.0.0.1"), List.of(2, "localhost"), List.of(7, "0:0:0:0:0:0:0:1"),
                        List.of(2, "registry.test"));
        assertThat(cert.certificate().getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
        assertThat(cert.certificate().getBasicConstraints()).isEqualTo(-1);
    }

    @Test
    void expiredCertificateCanBeIssued() {
        Instant now = Instant.now();
        IssuedCert cert = CA.issueServer(List.of("127.0.0.1"), now.minus(Duration.ofDays(10)),
                now.minus(Duration.ofDays(1)));
        assertThatThrownBy(() -> cert.certificate().checkValidity()).isInstanceOf(CertificateExpiredException.class);
    }

    @Test
    void pemFilesAreWritten(@TempDir Path dir) throws Exception {
        IssuedCert cert = CA.issueSigning("signer");
        assertThat(Files.readString(CA.writeCaPem(dir))).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Files.readString(cert.writeCertPem(dir.resolve("c.pem")))).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Files.readString(cert.writeKeyPem(dir.resolve("k.pem")))).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(CA.caPem()).isEqualTo(Files.readString(dir.resolve("ca.pem")));
    }

    @Test
    void serverContextIsTrustedByClientsOfTheCa() {
        IssuedCert cert = CA.issueServer(List.of("127.0.0.1"));
        try (RecordingServer server = RecordingServer.startHttps(cert)) {
            server.respond(200, Map.of("Content-Type", "text/plain"), "hello".getBytes());
            HttpClient trusting = Http.client(CA.trustingSslContext());
            assertThat(Http.text(Http.get(trusting, server.baseUrl() + "/x"))).isEqualTo("hello");

            HttpClient other = Http.client(TestCa.create().trustingSslContext());
            assertThatThrownBy(() -> Http.get(other, server.baseUrl() + "/x"))
                    .hasRootCauseInstanceOf(java.security.cert.CertPathValidatorException.class);
        }
    }
}
