package io.stella.registry.vendor;

import io.stella.registry.failure.RegistryException;
import java.util.Optional;

/**
 * Explains registry failures in one vendor's terms: which robot, token scope, role or IAM permission is
 * missing and where to fix it. Covers AUTH_*, REGISTRY_RATE_LIMITED and REPOSITORY_NOT_FOUND_OR_DENIED (and a
 * ping that found no registry API, for products that serve it on another port).
 */
public interface VendorAdvice {

    RegistryVendor vendor();

    /** The vendor's fix for the failure, or empty to keep the generic hint. */
    Optional<Advice> advise(RegistryException failure, Principal principal);

    static VendorAdvice forVendor(RegistryVendor vendor) {
        return switch (vendor) {
            case GENERIC -> GenericAdvice.INSTANCE;
            case DOCKERHUB -> new DockerHubAdvice();
            case HARBOR -> new HarborAdvice();
            case QUAY -> new QuayAdvice();
            case NEXUS -> new NexusAdvice();
            case ARTIFACTORY -> new ArtifactoryAdvice();
            case ACR -> new AcrAdvice();
            case ECR -> new EcrAdvice();
            case GAR, GCR -> new GoogleAdvice(vendor);
            case ICR -> new IcrAdvice();
            case GHCR -> new GhcrAdvice();
            case GITLAB -> new GitLabAdvice();
        };
    }

    /** Keeps every generic hint. */
    final class GenericAdvice implements VendorAdvice {
        static final GenericAdvice INSTANCE = new GenericAdvice();

        private GenericAdvice() {
        }

        @Override
        public RegistryVendor vendor() {
            return RegistryVendor.GENERIC;
        }

        @Override
        public Optional<Advice> advise(RegistryException failure, Principal principal) {
            return Optional.empty();
        }
    }
}
