package io.stella.registry.vendor;

import io.stella.registry.failure.RegistryException;
import java.util.Optional;

/** Sonatype Nexus Repository: docker connector ports, the Docker Bearer Token Realm, repository-view privileges. */
final class NexusAdvice implements VendorAdvice {
    private static final String REALM = "the 'Docker Bearer Token Realm' must be active (Security → Realms)";

    @Override
    public RegistryVendor vendor() {
        return RegistryVendor.NEXUS;
    }

    @Override
    public Optional<Advice> advise(RegistryException failure, Principal principal) {
        FailureFacts facts = new FailureFacts(failure);
        if (facts.noRegistryApi()) {
            return Optional.of(Advice.of("Nexus serves the Docker API (/v2/) only on a docker repository's own "
                    + "connector port (Repository → <docker repository> → Repository Connectors → HTTP/HTTPS port), "
                    + "not on its web port (8081); point stella at https://<nexus host>:<connector port> (or the "
                    + "reverse proxy in front of it, or the subdomain/path routing Nexus Pro configures)."));
        }
        if (facts.rejected()) {
            return Optional.of(Advice.of("Nexus rejected " + principal.describe() + ": check the password (or the "
                    + "user token's name-code and pass-code when user tokens are required); " + REALM
                    + ", without it docker logins fail even with the right password."));
        }
        if (facts.noCredentials()) {
            return Optional.of(Advice.of("This Nexus docker repository refuses anonymous pulls: log in, or allow "
                    + "them (repository → 'Allow anonymous docker pull'; anonymous access on in Security → Anonymous "
                    + "Access, and " + REALM + ")."));
        }
        if (facts.denied()) {
            return Optional.of(Advice.of("Give " + principal.username().orElse("the user")
                    + " a role with the privileges nx-repository-view-docker-<repository>-read and -browse for the "
                    + "docker repository behind this connector (Security → Roles; the Nexus repository name, not the "
                    + "image path " + facts.repository().orElse("") + ")."
                    + (facts.maybeMissing() ? " Nexus answers the same when the image does not exist." : "")));
        }
        return Optional.empty();
    }
}
