package io.stella.registry.http;

import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/** Builds the {@link SSLContext} for a registry's {@link TlsSettings}. */
public final class SslContexts {

    private SslContexts() {
    }

    public static SSLContext forSettings(TlsSettings tls) {
        try {
            if (tls.insecureSkipVerify()) {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new TrustEverything()}, null);
                return context;
            }
            if (tls.caCertificates().isEmpty()) {
                return SSLContext.getDefault();
            }
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int n = 0;
            for (X509Certificate jdkAnchor : defaultTrustManager().getAcceptedIssuers()) {
                trust.setCertificateEntry("jdk-" + n++, jdkAnchor);
            }
            for (Path pem : tls.caCertificates()) {
                for (Certificate cert : readCertificates(pem)) {
                    trust.setCertificateEntry("ca-" + n++, cert);
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw RegistryException.builder(FailureCode.CONFIG_INVALID, "cannot set up TLS trust: " + e.getMessage())
                    .cause(e).build();
        }
    }

    private static java.util.Collection<? extends Certificate> readCertificates(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            var certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw caProblem(pem, "the file holds no PEM certificate", null);
            }
            return certs;
        } catch (IOException e) {
            throw caProblem(pem, "the file cannot be read (" + e.getMessage() + ")", e);
        } catch (GeneralSecurityException e) {
            throw caProblem(pem, "the file is not a PEM certificate bundle (" + e.getMessage() + ")", e);
        }
    }

    private static RegistryException caProblem(Path pem, String why, Throwable cause) {
        return RegistryException.builder(FailureCode.CONFIG_INVALID, "CA certificate " + pem + ": " + why)
                .hint("Pass a PEM file with the registry's CA certificate(s) (-----BEGIN CERTIFICATE-----).")
                .evidence("ca_cert", pem)
                .cause(cause)
                .build();
    }

    private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK has no X509TrustManager");
    }

    /**
     * Accepts every certificate. Being an X509ExtendedTrustManager also turns off the host name check,
     * which JSSE performs inside the trust manager.
     */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
