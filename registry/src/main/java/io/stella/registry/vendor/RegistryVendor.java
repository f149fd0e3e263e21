package io.stella.registry.vendor;

import io.stella.registry.config.RegistryType;
import java.util.Locale;
import java.util.Optional;

/**
 * The registry product or cloud service behind a host, for explaining failures in its terms. A configured
 * {@link RegistryType} other than GENERIC decides; otherwise the host does ({@code *.azurecr.io}, {@code ghcr.io} …).
 */
public enum RegistryVendor {
    GENERIC("registry"),
    DOCKERHUB("Docker Hub"),
    HARBOR("Harbor"),
    QUAY("Quay"),
    NEXUS("Nexus"),
    ARTIFACTORY("Artifactory"),
    ACR("Azure Container Registry"),
    ECR("Amazon ECR"),
    GAR("Google Artifact Registry"),
    GCR("Google Container Registry"),
    ICR("IBM Cloud Container Registry"),
    GHCR("GitHub Container Registry"),
    GITLAB("GitLab Container Registry");

    private final String displayName;

    RegistryVendor(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** The vendor for a registry: the configured type when it names one, else detected from the host. */
    public static RegistryVendor of(Optional<RegistryType> configured, String registryHost) {
        return configured.filter(t -> t != RegistryType.GENERIC).map(RegistryVendor::of)
                .orElseGet(() -> detect(registryHost));
    }

    public static RegistryVendor of(RegistryType type) {
        return switch (type) {
            case GENERIC -> GENERIC;
            case DOCKERHUB -> DOCKERHUB;
            case HARBOR -> HARBOR;
            case QUAY -> QUAY;
            case NEXUS -> NEXUS;
            case ARTIFACTORY -> ARTIFACTORY;
            case ACR -> ACR;
            case ECR -> ECR;
            case GAR -> GAR;
            case GCR -> GCR;
            case ICR -> ICR;
            case GHCR -> GHCR;
        };
    }

    /** The vendor whose public host names this is; GENERIC for self-hosted products (Harbor, Nexus …). */
    public static RegistryVendor detect(String registryHost) {
        String host = hostOnly(registryHost);
        return switch (host) {
            case "docker.io", "registry-1.docker.io", "index.docker.io", "registry.hub.docker.com" -> DOCKERHUB;
            case "quay.io" -> QUAY;
            case "ghcr.io" -> GHCR;
            case "registry.gitlab.com" -> GITLAB;
            case "gcr.io" -> GCR;
            case "icr.io" -> ICR;
            case "public.ecr.aws" -> ECR;
            default -> bySuffix(host);
        };
    }

    private static RegistryVendor bySuffix(String host) {
        if (host.matches("[^.]+\\.azurecr\\.(io|cn|us)")) {
            return ACR;
        }
        if (host.matches("[0-9]{12}\\.dkr\\.ecr(-fips)?\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?")) {
            return ECR;
        }
        if (host.matches("[a-z0-9-]+-docker\\.pkg\\.dev")) {
            return GAR;
        }
        if (host.matches("[a-z]+\\.gcr\\.io")) {
            return GCR;
        }
        if (host.matches("[a-z0-9-]+\\.icr\\.io")) {
            return ICR;
        }
        if (host.matches("[a-z0-9-]+\\.jfrog\\.io")) {
            return ARTIFACTORY;
        }
        return GENERIC;
    }

    /** Lower-case host without port (IPv6 literals keep their brackets). */
    static String hostOnly(String registryHost) {
        String h = registryHost.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }
}
