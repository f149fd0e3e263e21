package io.stella.registry.gcp;

import io.stella.registry.auth.provider.ProvidedRepository;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.gcp.wire.DockerImageJson;
import io.stella.registry.gcp.wire.RepositoryJson;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The images of a project's Docker repositories in one Artifact Registry location, as repositories
 * {@code <project>/<repository>/<image>} of {@code <location>-docker.pkg.dev} with each tag's upload time.
 */
final class GarDiscovery {
    static final String DOCKER = "DOCKER";

    private GarDiscovery() {
    }

    /** The Docker repositories among all of the location's repositories. */
    static List<RepositoryJson> dockerRepositories(ArtifactRegistryApi api, GarTarget target) {
        return api.repositories(target.project(), target.location()).stream()
                .filter(r -> DOCKER.equals(r.format())).toList();
    }

    static List<ProvidedRepository> discover(ProviderContext context, ArtifactRegistryApi api, GarTarget target) {
        Map<String, Map<String, Instant>> tagsByImage = new TreeMap<>();
        Map<String, String> hostByImage = new TreeMap<>();
        for (RepositoryJson repository : dockerRepositories(api, target)) {
            for (DockerImageJson image : api.dockerImages(repository.name())) {
                Optional<ImageUri> uri = ImageUri.parse(image.uri());
                if (uri.isEmpty()) {
                    continue;
                }
                String key = uri.get().host() + "/" + uri.get().path();
                hostByImage.put(key, uri.get().host());
                Map<String, Instant> tags = tagsByImage.computeIfAbsent(key, k -> new TreeMap<>());
                Optional<Instant> pushed = instant(image.uploadTime()).or(() -> instant(image.updateTime()));
                pushed.ifPresent(at -> image.tags().forEach(tag -> tags.put(tag, at)));
            }
        }
        List<ProvidedRepository> found = new ArrayList<>();
        tagsByImage.forEach((key, tags) -> {
            String host = hostByImage.get(key);
            found.add(new ProvidedRepository(host, key.substring(host.length() + 1), tags));
        });
        return found;
    }

    private static Optional<Instant> instant(String rfc3339) {
        if (rfc3339 == null || rfc3339.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(rfc3339).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** An image {@code uri}: {@code host/project/repository/image[@sha256:…]}, split into host and path. */
    record ImageUri(String host, String path) {
        static Optional<ImageUri> parse(String uri) {
            if (uri == null) {
                return Optional.empty();
            }
            String withoutDigest = uri.replaceFirst("@[^@/]+$", "");
            int slash = withoutDigest.indexOf('/');
            if (slash <= 0 || slash == withoutDigest.length() - 1) {
                return Optional.empty();
            }
            return Optional.of(new ImageUri(withoutDigest.substring(0, slash), withoutDigest.substring(slash + 1)));
        }
    }
}
