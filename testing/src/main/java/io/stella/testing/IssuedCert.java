package io.stella.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** A certificate issued by a {@link TestCa}, with its private key. */
public record IssuedCert(X509Certificate certificate, PrivateKey privateKey) {

    private static final char[] KEYSTORE_PASSWORD = "changeit".toCharArray();

    public String certPem() {
        return Pem.encode(certificate);
    }

    /** PKCS#8 ("BEGIN PRIVATE KEY") PEM. */
    public String keyPem() {
        return Pem.encode(privateKey);
    }

    public Path writeCertPem(Path file) {
        return write(file, certPem());
    }

    public Path writeKeyPem(Path file) {
        return write(file, keyPem());
    }

    /** A server-side TLS context presenting this certificate. */
    public SSLContext serverSslContext() {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("server", privateKey, KEYSTORE_PASSWORD, new Certificate[] {certificate});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, KEYSTORE_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a TLS server context", e);
        }
    }

    static Path write(Path file, String text) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
