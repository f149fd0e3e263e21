package io.stella.cli.doctor;

import io.stella.registry.failure.RegistryException;
import io.stella.registry.http.ConnectionFailures;
import io.stella.registry.http.SslContexts;
import io.stella.registry.http.TlsSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Two TLS handshakes with a registry: one that accepts anything, to see the certificate chain even when it is
 * not trusted, and one with the trust and host name check stella's client uses, to see whether it is.
 */
final class TlsProbe {

    /**
     * @param chain     the server's certificates, leaf first; empty when there was no TLS server
     * @param plainHttp the server answered the ClientHello in plain HTTP
     * @param failure   why the verifying handshake (or the connection) failed; empty when it succeeded
     */
    record Result(List<X509Certificate> chain, boolean plainHttp, Optional<RegistryException> failure) {
    }

    private TlsProbe() {
    }

    static Result probe(RegistryTarget target, TlsSettings tls, Duration timeout) {
        String url = "https://" + target.endpoint().apiHost();
        Recording recording = new Recording();
        try {
            SSLContext any = SSLContext.getInstance("TLS");
            any.init(null, new TrustManager[] {recording}, null);
            handshake(any, target, timeout, false);
        } catch (IOException e) {
            return new Result(List.of(), ConnectionFailures.isPlainHttpServer(e),
                    Optional.of(ConnectionFailures.classify(e, url, target.config().hostKey())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS", e);
        }
        try {
            handshake(SslContexts.forSettings(tls), target, timeout, !tls.insecureSkipVerify());
            return new Result(recording.chain, false, Optional.empty());
        } catch (IOException e) {
            return new Result(recording.chain, false,
                    Optional.of(ConnectionFailures.classify(e, url, target.config().hostKey())));
        } catch (RegistryException e) {
            return new Result(recording.chain, false, Optional.of(e));
        }
    }

    private static void handshake(SSLContext context, RegistryTarget target, Duration timeout, boolean checkHost)
            throws IOException {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(target.host(), target.port()), millis);
            plain.setSoTimeout(millis);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory()
                    .createSocket(plain, target.host(), target.port(), false)) {
                if (checkHost) {
                    SSLParameters parameters = socket.getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                    socket.setSSLParameters(parameters);
                }
                socket.startHandshake();
            }
        }
    }

    /** Accepts every server certificate and keeps the chain it was shown. */
    private static final class Recording implements X509TrustManager {
        private volatile List<X509Certificate> chain = List.of();

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            this.chain = List.of(chain);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
