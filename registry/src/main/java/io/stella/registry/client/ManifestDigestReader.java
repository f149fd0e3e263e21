package io.stella.registry.client;

import io.stella.registry.auth.Scope;
import io.stella.registry.manifest.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * {@code HEAD /v2/<name>/manifests/<reference>}: the digest a tag points at now, without downloading the
 * manifest (a registry that leaves out {@code Docker-Content-Digest} gets a GET instead).
 */
final class ManifestDigestReader {
    private ManifestDigestReader() {
    }

    /** @return empty when the tag does not exist (any more) */
    static Optional<String> digest(RegistrySession session, String repository, String reference) {
        RegistryRequest request = RegistryRequest.head("/v2/" + repository + "/manifests/" + reference,
                        Scope.pull(repository), RegistryRequest.Subject.IMAGE,
                        "manifest digest of " + repository + ":" + reference, MediaTypes.ACCEPTED.toArray(String[]::new))
                .allowingNotFound();
        HttpResponse<InputStream> response = session.execute(request);
        try (InputStream ignored = response.body()) {
            // a HEAD has no body; closing releases the connection
        } catch (IOException e) {
            // the headers already answered
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        Optional<String> header = response.headers().firstValue("docker-content-digest").filter(d -> d.contains(":"));
        return header.isPresent() ? header : Optional.of(ManifestPuller.pull(session, repository, reference).digest());
    }
}
