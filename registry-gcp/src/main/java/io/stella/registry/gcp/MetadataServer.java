package io.stella.registry.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.registry.Secret;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The GCE/GKE/Cloud Run metadata server ({@code http://metadata.google.internal}, or {@code GCE_METADATA_HOST} of the
 * context, google-auth's variable): the attached service account and its access tokens. Never asked when the
 * context sets {@code NO_GCE_CHECK=true}.
 */
final class MetadataServer {
    static final String HOST_ENV = "GCE_METADATA_HOST";
    static final String NO_CHECK_ENV = "NO_GCE_CHECK";
    private static final String ACCOUNT = "/computeMetadata/v1/instance/service-accounts/default/";
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private MetadataServer() {
    }

    static boolean enabled(ProviderContext context) {
        return !context.env(NO_CHECK_ENV).map("true"::equalsIgnoreCase).orElse(false);
    }

    static String base(ProviderContext context) {
        return "http://" + context.env(HOST_ENV).orElse("metadata.google.internal");
    }

    /** The attached service account, when this runs on Google Cloud; empty elsewhere (after a short probe). */
    static Optional<GcpIdentity.ComputeEngine> probe(ProviderContext context) {
        if (!enabled(context)) {
            return Optional.empty();
        }
        String base = base(context);
        try {
            HttpResponse<String> response = HTTP.send(request(base + ACCOUNT + "email", PROBE_TIMEOUT),
                    HttpResponse.BodyHandlers.ofString());
            boolean google = response.headers().firstValue("Metadata-Flavor").map("Google"::equals).orElse(false);
            return response.statusCode() == 200 && google && !response.body().isBlank()
                    ? Optional.of(new GcpIdentity.ComputeEngine(base, response.body().strip())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** An access token of the attached service account, {@code {"access_token","expires_in","token_type"}}. */
    static GcpAccessToken token(ProviderContext context, GcpIdentity.ComputeEngine identity) {
        String url = identity.metadataBase() + ACCOUNT + "token?scopes=" + GoogleCredentialsFactory.CLOUD_PLATFORM;
        HttpResponse<String> response;
        try {
            response = HTTP.send(request(url, Duration.ofSeconds(10)), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw NetworkFailures.of(context, e, "the metadata server", url).orElseGet(() ->
                    RegistryException.builder(FailureCode.NETWORK_ERROR, "the metadata server at " + identity.metadataBase()
                            + " failed: " + e.getClass().getSimpleName()).registry(context.registry().hostKey()).build());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryException.builder(FailureCode.NETWORK_ERROR, "interrupted asking the metadata server")
                    .registry(context.registry().hostKey()).build();
        }
        if (response.statusCode() == 404) {
            throw RegistryException.builder(FailureCode.AUTH_NO_CREDENTIALS, "the metadata server at "
                            + identity.metadataBase() + " has no service account for this workload")
                    .registry(context.registry().hostKey())
                    .hint("Attach a service account to the VM (gcloud compute instances set-service-account), or on GKE "
                            + "bind the Kubernetes service account to one (Workload Identity), or configure cloud."
                            + GcpSettings.KEY_FILE + ".")
                    .build();
        }
        try {
            JsonNode json = response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
            if (json == null || !json.hasNonNull("access_token")) {
                throw new IOException("no access_token");
            }
            Optional<java.time.Instant> expiry = json.hasNonNull("expires_in")
                    ? Optional.of(context.clock().instant().plusSeconds(json.get("expires_in").asLong())) : Optional.empty();
            return new GcpAccessToken(Secret.of(json.get("access_token").asText()), expiry);
        } catch (IOException e) {
            throw RegistryException.builder(FailureCode.REGISTRY_PROTOCOL_ERROR, "the metadata server answered HTTP "
                            + response.statusCode() + " without an access token")
                    .registry(context.registry().hostKey())
                    .hint("Check " + HOST_ENV + "; it must name the GCE metadata server.")
                    .evidence("endpoint", url)
                    .build();
        }
    }

    private static HttpRequest request(String url, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Metadata-Flavor", "Google").GET().build();
    }
}
