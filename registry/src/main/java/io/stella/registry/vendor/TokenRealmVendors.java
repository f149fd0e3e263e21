package io.stella.registry.vendor;

import io.stella.registry.failure.RegistryException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises self-hosted products by their token service when neither the configured type nor the host tells:
 * Harbor's realm is {@code /service/token} (service {@code harbor-registry}), GitLab's {@code /jwt/auth} (service
 * {@code container_registry}), Artifactory's under {@code /artifactory/api/docker/}, Docker Hub's
 * {@code auth.docker.io}. Read from the failure's evidence: the token realm, or the registry's challenge.
 */
final class TokenRealmVendors {
    private static final Pattern REALM = Pattern.compile("realm=\"([^\"]*)\"");
    private static final Pattern SERVICE = Pattern.compile("service=\"([^\"]*)\"");

    private TokenRealmVendors() {
    }

    static Optional<RegistryVendor> detect(RegistryException failure) {
        String challenge = failure.evidence().getOrDefault("challenge", "");
        Optional<String> realm = Optional.ofNullable(failure.evidence().get("realm"))
                .or(() -> group(REALM, challenge));
        Optional<String> service = group(SERVICE, challenge);
        if (service.filter("harbor-registry"::equals).isPresent()) {
            return Optional.of(RegistryVendor.HARBOR);
        }
        if (service.filter("container_registry"::equals).isPresent()) {
            return Optional.of(RegistryVendor.GITLAB);
        }
        return realm.flatMap(TokenRealmVendors::byRealm);
    }

    private static Optional<RegistryVendor> byRealm(String realm) {
        URI uri;
        try {
            uri = URI.create(realm.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (host.equals("auth.docker.io")) {
            return Optional.of(RegistryVendor.DOCKERHUB);
        }
        if (path.endsWith("/service/token")) {
            return Optional.of(RegistryVendor.HARBOR);
        }
        if (path.endsWith("/jwt/auth")) {
            return Optional.of(RegistryVendor.GITLAB);
        }
        if (path.contains("/artifactory/api/docker/")) {
            return Optional.of(RegistryVendor.ARTIFACTORY);
        }
        return Optional.empty();
    }

    private static Optional<String> group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
