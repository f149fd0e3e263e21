package io.stella.registry.azure;

import io.stella.testing.IssuedCert;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A self-signed RSA certificate, as uploaded to an app registration for certificate credentials. */
record SelfSignedRsa(IssuedCert issued) {

    static SelfSignedRsa create(String subject) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name(subject);
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), name, keys.getPublic());
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        return new SelfSignedRsa(new IssuedCert(certificate, keys.getPrivate()));
    }

    X509Certificate certificate() {
        return issued.certificate();
    }

    /** Certificate and PKCS#8 private key in one PEM file, as azure-identity reads it. */
    String pem() {
        return issued.certPem() + issued.keyPem();
    }
}
