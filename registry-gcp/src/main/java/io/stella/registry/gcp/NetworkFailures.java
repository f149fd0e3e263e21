package io.stella.registry.gcp;

import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Optional;

/** A Google API that could not be reached, as a {@code NETWORK_*} failure. */
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
                default -> null;
            };
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
