package io.stella.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/** A throw-away certificate authority (EC P-256) generated at test time. */
public final class TestCa {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private TestCa(KeyPair keyPair, X509Certificate certificate) {
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    /** A CA named "stella test CA", valid from a day ago for ten years. */
    public static TestCa create() {
        KeyPair keyPair = newKeyPair();
        Instant now = Instant.now();
        X500Name name = cn("stella test CA");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name,
                keyPair.getPublic());
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    utils.createSubjectKeyIdentifier(keyPair.getPublic()));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return new TestCa(keyPair, sign(builder, keyPair));
    }

    /**
     * A server certificate for DNS names and/or IP addresses, valid from an hour ago for 90 days (as public CAs
     * issue them; under 30 days left is what {@code stella doctor} warns about).
     */
    public IssuedCert issueServer(List<String> sanNames) {
        Instant now = Instant.now();
        return issueServer(sanNames, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(90)));
    }

    /** A server certificate with explicit validity, e.g. one that has already expired. */
    public IssuedCert issueServer(List<String> sanNames, Instant notBefore, Instant notAfter) {
        if (sanNames.isEmpty()) {
            throw new IllegalArgumentException("a server certificate needs at least one name");
        }
        GeneralName[] names = sanNames.stream()
                .map(n -> IPAddress.isValid(n)
                        ? new GeneralName(GeneralName.iPAddress, n)
                        : new GeneralName(GeneralName.dNSName, n))
                .toArray(GeneralName[]::new);
        return issue(sanNames.getFirst(), notBefore, notAfter, builder -> {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth}));
        });
    }

    /** An EC P-256 certificate for signing JWTs, valid from an hour ago for 30 days. */
    public IssuedCert issueSigning(String cn) {
        Instant now = Instant.now();
        return issue(cn, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)),
                builder -> builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature)));
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public String caPem() {
        return Pem.encode(certificate);
    }

    /** Writes {@code ca.pem} into the directory and returns its path. */
    public Path writeCaPem(Path dir) {
        return IssuedCert.write(dir.resolve("ca.pem"), caPem());
    }

    /** A trust store holding only this CA. */
    public KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("stella-test-ca", certificate);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client-side TLS context that trusts exactly this CA, e.g. for {@code HttpClient.newBuilder().sslContext(..)}. */
    public SSLContext trustingSslContext() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws CertIOException;
    }

    private IssuedCert issue(String cn, Instant notBefore, Instant notAfter, Extensions extensions) {
        KeyPair leaf = newKeyPair();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(),
                Date.from(notBefore), Date.from(notAfter), cn(cn), leaf.getPublic());
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(leaf.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(keyPair.getPublic()));
            extensions.add(builder);
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return new IssuedCert(sign(builder, keyPair), leaf.getPrivate());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer) {
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign certificate", e);
        }
    }

    private static X500Name cn(String cn) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, cn).build();
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).add(BigInteger.ONE);
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
