package io.stella.registry.http;

import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** Turns what the JDK throws for a failed exchange into a named {@link RegistryException}. */
public final class ConnectionFailures {

    private ConnectionFailures() {
    }

    public static RegistryException classify(IOException e, String url, String registry) {
        FailureCode code = codeOf(e);
        String message = switch (code) {
            case NETWORK_DNS -> "cannot resolve the host of " + url;
            case NETWORK_CONNECTION_REFUSED -> "connection refused by " + url;
            case NETWORK_TIMEOUT -> "no answer in time from " + url;
            case TLS_UNTRUSTED_CERTIFICATE -> "the TLS certificate of " + url + " is not trusted";
            case TLS_HOSTNAME_MISMATCH -> "the TLS certificate of " + url + " is not valid for this host name";
            case TLS_CERTIFICATE_EXPIRED -> "the TLS certificate of " + url + " has expired or is not yet valid";
            case TLS_HANDSHAKE_FAILED -> "TLS handshake with " + url + " failed";
            default -> "connection to " + url + " failed";
        };
        return RegistryException.builder(code, message)
                .registry(registry)
                .evidence("url", url)
                .evidence("exception", describeChain(e))
                .cause(e)
                .build();
    }

    /** Resets and timeouts may pass; DNS, refusals and TLS problems will not. */
    public static boolean isTransient(IOException e) {
        FailureCode code = codeOf(e);
        return code == FailureCode.NETWORK_ERROR || code == FailureCode.NETWORK_TIMEOUT;
    }

    /** The server answered a TLS ClientHello with something that is not TLS (plain HTTP). */
    public static boolean isPlainHttpServer(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException && t.getMessage() != null) {
                String m = t.getMessage().toLowerCase(Locale.ROOT);
                if (m.contains("unrecognized ssl message") || m.contains("plaintext connection")
                        || m.contains("unsupported or unrecognized")) {
                    return true;
                }
            }
        }
        return false;
    }

    static FailureCode codeOf(IOException e) {
        boolean tls = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
                return FailureCode.TLS_CERTIFICATE_EXPIRED;
            }
            if (t instanceof CertPathValidatorException cpve
                    && (cpve.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                    || cpve.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID)) {
                return FailureCode.TLS_CERTIFICATE_EXPIRED;
            }
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("no subject alternative") || m.contains("doesn't match any of the subject alternative")) {
                return FailureCode.TLS_HOSTNAME_MISMATCH;
            }
            if (m.contains("unable to find valid certification path") || m.contains("path building failed")
                    || m.contains("no trust anchor")) {
                return FailureCode.TLS_UNTRUSTED_CERTIFICATE;
            }
            if (t instanceof SSLException) {
                tls = true;
            }
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return FailureCode.NETWORK_DNS;
            }
        }
        if (tls) {
            return FailureCode.TLS_HANDSHAKE_FAILED;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException || t instanceof HttpTimeoutException
                    || t instanceof SocketTimeoutException) {
                return FailureCode.NETWORK_TIMEOUT;
            }
            if (t instanceof ConnectException && !(t instanceof HttpConnectTimeoutException)) {
                // JDK 21 says "Connection refused"; JDK 25's HttpClient gives a ConnectException without a
                // message (cause: ClosedChannelException). Other connect failures name themselves.
                String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
                if (m.contains("refused") || m.isEmpty()) {
                    return FailureCode.NETWORK_CONNECTION_REFUSED;
                }
            }
            if (t instanceof IdleTimeoutException) {
                return FailureCode.NETWORK_TIMEOUT;
            }
        }
        String all = describeChain(e).toLowerCase(Locale.ROOT);
        if (all.contains("connection refused")) {
            return FailureCode.NETWORK_CONNECTION_REFUSED;
        }
        return FailureCode.NETWORK_ERROR;
    }

    static String describeChain(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 600; t = t.getCause()) {
            if (!sb.isEmpty()) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                sb.append(": ").append(t.getMessage());
            }
        }
        return sb.toString();
    }
}
