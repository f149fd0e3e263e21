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
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

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
            for (Path pem : tls.caCertificates()) {
                for (Certificate cert : readCertificates(pem)) {
                    trust.setCertificateEntry("ca-" + n++, cert);
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new ExtraThenDefault(extended(tmf.getTrustManagers()),
                    DefaultTrust.MANAGER)}, null);
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

    private static X509ExtendedTrustManager extended(TrustManager[] managers) throws GeneralSecurityException {
        for (TrustManager tm : managers) {
            if (tm instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK has no X509ExtendedTrustManager");
    }

    /** The JDK's own trust anchors, set up once: building them costs tens of milliseconds. */
    private static final class DefaultTrust {
        static final X509ExtendedTrustManager MANAGER = create();

        private static X509ExtendedTrustManager create() {
            try {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init((KeyStore) null);
                return extended(tmf.getTrustManagers());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK's default trust store cannot be loaded", e);
            }
        }
    }

    /**
     * Trusts what the configured CAs sign, else what the JDK trusts. When both refuse, the configured
     * CAs' reason wins unless it is only "not my certificate": an expired certificate or a wrong host
     * name under the right CA must be reported as such, not as untrusted.
     */
    private static final class ExtraThenDefault extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager extra;
        private final X509ExtendedTrustManager jdk;

        ExtraThenDefault(X509ExtendedTrustManager extra, X509ExtendedTrustManager jdk) {
            this.extra = extra;
            this.jdk = jdk;
        }

        private interface Check {
            void run(X509ExtendedTrustManager tm) throws CertificateException;
        }

        private void either(Check check) throws CertificateException {
            try {
                check.run(extra);
            } catch (CertificateException fromExtra) {
                try {
                    check.run(jdk);
                } catch (CertificateException fromJdk) {
                    throw notSignedByExtra(fromExtra) ? fromJdk : fromExtra;
                }
            }
        }

        private static boolean notSignedByExtra(CertificateException e) {
            String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            return m.contains("unable to find valid certification path") || m.contains("path building failed");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            either(tm -> tm.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            either(tm -> tm.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            either(tm -> tm.checkServerTrusted(chain, authType));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("stella does not accept client connections");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("stella does not accept client connections");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("stella does not accept client connections");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            X509Certificate[] a = extra.getAcceptedIssuers();
            X509Certificate[] b = jdk.getAcceptedIssuers();
            X509Certificate[] all = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
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
