package io.stella.registry.client;

import io.stella.registry.auth.Scope;
import io.stella.registry.blob.Digests;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.manifest.Manifest;
import io.stella.registry.manifest.ManifestParser;
import io.stella.registry.manifest.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /v2/<name>/manifests/<reference>}: content negotiation for OCI and Docker types, the
 * digest checked against the reference and {@code Docker-Content-Digest}, and a "not found" made
 * precise by asking for the repository's tags.
 */
final class ManifestPuller {
    /** The distribution spec's limit; a larger "manifest" is not one. */
    static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

    private ManifestPuller() {
    }

    static Manifest pull(RegistrySession session, String repository, String reference) {
        String where = "manifest " + repository + (reference.contains(":") ? "@" : ":") + reference;
        RegistryRequest request = RegistryRequest.get("/v2/" + repository + "/manifests/" + reference,
                Scope.pull(repository), RegistryRequest.Subject.IMAGE, where, MediaTypes.ACCEPTED.toArray(String[]::new));
        HttpResponse<InputStream> response;
        try {
            response = session.execute(request);
        } catch (RegistryException e) {
            throw refineNotFound(session, e, repository, reference);
        }
        byte[] bytes;
        try (InputStream body = response.body()) {
            bytes = body.readNBytes(MAX_MANIFEST_BYTES + 1);
        } catch (IOException e) {
            throw io.stella.registry.http.ConnectionFailures.classify(e, where, session.endpoint().registry());
        }
        if (bytes.length > MAX_MANIFEST_BYTES) {
            throw RegistryException.builder(FailureCode.MANIFEST_INVALID, where + " is larger than 4 MiB")
                    .registry(session.endpoint().registry()).repository(repository).build();
        }
        Optional<String> headerDigest = response.headers().firstValue("docker-content-digest");
        String contentType = response.headers().firstValue("content-type").orElse(null);
        if (contentType != null && MediaTypes.SCHEMA1.contains(contentType.split(";")[0].strip())) {
            // Signed schema 1 manifests are digested without their signatures: refuse before checking.
            throw ManifestParser.unsupportedSchema1(where, contentType, headerDigest.orElse(null))
                    .withContext(session.endpoint().registry(), repository, java.util.Map.of());
        }
        String algorithm = reference.contains(":") ? Digests.algorithm(reference)
                : headerDigest.filter(d -> d.startsWith("sha512:")).map(d -> "sha512").orElse("sha256");
        String actual = Digests.of(algorithm, bytes);
        if (reference.contains(":") && !actual.equals(reference)) {
            throw digestMismatch(session, repository, where, reference, actual);
        }
        if (headerDigest.isPresent() && headerDigest.get().startsWith(algorithm + ":") && !headerDigest.get().equals(actual)) {
            throw digestMismatch(session, repository, where, headerDigest.get(), actual);
        }
        try {
            return ManifestParser.parse(bytes, contentType, actual, where);
        } catch (RegistryException e) {
            throw e.withContext(session.endpoint().registry(), repository, java.util.Map.of());
        }
    }

    private static RegistryException digestMismatch(RegistrySession session, String repository, String where,
                                                    String expected, String actual) {
        return RegistryException.builder(FailureCode.DIGEST_MISMATCH, where + " does not match its digest")
                .registry(session.endpoint().registry()).repository(repository)
                .evidence("expected_digest", expected).evidence("actual_digest", actual).build();
    }

    /** A 404 on a tag: if the repository lists its tags, the repository is there and only the tag is missing. */
    private static RegistryException refineNotFound(RegistrySession session, RegistryException e, String repository,
                                                    String reference) {
        if (e.code() != FailureCode.IMAGE_NOT_FOUND && e.code() != FailureCode.REPOSITORY_NOT_FOUND_OR_DENIED) {
            return e;
        }
        Optional<List<String>> tags;
        try {
            tags = TagLister.listIfExists(session, repository, 1000);
        } catch (RegistryException probeFailed) {
            return e;
        }
        if (tags.isEmpty()) {
            return e.code() == FailureCode.IMAGE_NOT_FOUND
                    ? e.toBuilder().hint("Check the repository name: " + repository + " does not exist at "
                            + session.endpoint().registry() + ".").build()
                    : e;
        }
        List<String> some = tags.get().stream().limit(10).toList();
        String kind = reference.contains(":") ? "digest " + reference : "tag '" + reference + "'";
        return RegistryException.builder(FailureCode.IMAGE_NOT_FOUND,
                        kind + " not found in repository " + repository + " at " + session.endpoint().registry())
                .registry(session.endpoint().registry())
                .repository(repository)
                .hint("Check the " + (reference.contains(":") ? "digest" : "tag") + "; the repository has "
                        + tags.get().size() + " tag(s)" + (some.isEmpty() ? "." : ", e.g. " + String.join(", ", some) + "."))
                .evidence("available_tags", String.join(",", some))
                .evidence("tag_count", tags.get().size())
                .evidence("http_status", e.evidence().get("http_status"))
                .evidence("registry_error_code", e.evidence().get("registry_error_code"))
                .evidence("credential_source", e.evidence().get("credential_source"))
                .build();
    }
}
