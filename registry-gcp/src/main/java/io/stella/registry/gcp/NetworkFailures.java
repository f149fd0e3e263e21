package io.stella.registry.gcp;

import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertPathBuilderException;
import java.util.Optional;

/** A Google API that could not be reached, as a {@code NETWORK_*} failure, or whose certificate is not trusted. */
final class NetworkFailures {
    private NetworkFailures() {
    }

    /** The network failure in {@code error}'s cause chain, when there is one. */
    static Optional<RegistryException> of(ProviderContext context, Throwable error, String api, String url) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            FailureCode code = switch (t) {
                case UnknownHostException ignored -> FailureCode.NETWORK_DNS;
                case ConnectException ignored -> FailureCode.NETWORK_CONNECTION_REFUSED;
                case SocketTimeoutException ignored -> FailureCode.NETWORK_TIMEOUT;
                case HttpTimeoutException ignored -> FailureCode.NETWORK_TIMEOUT;
                // no certification path to a trusted CA: a TLS-inspecting proxy, or a private endpoint
                case CertPathBuilderException ignored -> FailureCode.TLS_UNTRUSTED_CERTIFICATE;
                default -> null;
            };
            if (code == FailureCode.TLS_UNTRUSTED_CERTIFICATE) {
                return Optional.of(RegistryException.builder(code, "the TLS certificate of " + api + " at " + url
                                + " is not trusted")
                        .registry(context.registry().hostKey())
                        .hint("A TLS-inspecting proxy or a private endpoint answers with a certificate of its own CA: "
                                + "give that CA's certificate (PEM) in " + GcpHttp.CA_BUNDLE + ".")
                        .evidence("endpoint", url)
                        .evidence("error", t.getClass().getSimpleName())
                        .cause(error)
                        .build());
            }
            if (code != null) {
                return Optional.of(RegistryException.builder(code, api + " could not be reached at " + url)
                        .registry(context.registry().hostKey())
                        .hint("Check that this host can reach " + url + " (proxy: HTTPS_PROXY/NO_PROXY; private "
                                + "networks need Private Google Access or Private Service Connect). The endpoint can "
                                + "be overridden with " + GcpEndpoints.STS_ENV + ", " + GcpEndpoints.IAM_CREDENTIALS_ENV
                                + " or " + GcpEndpoints.ARTIFACT_REGISTRY_ENV + ".")
                        .evidence("endpoint", url)
                        .evidence("error", t.getClass().getSimpleName())
                        .cause(error)
                        .build());
            }
        }
        return Optional.empty();
    }
}
