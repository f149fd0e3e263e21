package io.stella.registry;

import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference as the distribution spec and docker define it:
 * {@code [registry[:port]/]repository[:tag][@algorithm:hex]}. Docker Hub is {@code docker.io}, and its
 * single-component repositories live under {@code library/}. Without tag or digest the tag is
 * {@code latest}.
 *
 * @param registry  host[:port] as used for credentials ({@code docker.io} for Docker Hub)
 * @param repository the repository path, e.g. {@code library/alpine}
 * @param tag       the tag, or null when only a digest was given
 * @param digest    the digest, or null
 */
public record ImageReference(String registry, String repository, String tag, String digest) {

    public static final String DOCKER_HUB = "docker.io";
    private static final String DOCKER_HUB_API_HOST = "registry-1.docker.io";

    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})");
    private static final Pattern HOST = Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
                    + "|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?");

    public static ImageReference parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(String.valueOf(text), "the reference is empty");
        }
        String rest = text.strip();
        if (rest.contains("://")) {
            throw invalid(text, "a reference has no scheme; drop '" + rest.substring(0, rest.indexOf("://") + 3) + "'");
        }
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) {
                throw invalid(text, "digest '" + digest + "' is not sha256:<64 hex> or sha512:<128 hex>");
            }
        }
        String tag = null;
        int lastColon = rest.lastIndexOf(':');
        if (lastColon > rest.lastIndexOf('/')) {
            tag = rest.substring(lastColon + 1);
            rest = rest.substring(0, lastColon);
            if (!TAG.matcher(tag).matches()) {
                throw invalid(text, "tag '" + tag + "' must be 1-128 of [A-Za-z0-9_.-] and not start with '.' or '-'");
            }
        }
        String registry = DOCKER_HUB;
        String repository = rest;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost") || first.startsWith("[")) {
                registry = first;
                repository = rest.substring(slash + 1);
                if (!HOST.matcher(registry).matches()) {
                    throw invalid(text, "registry host '" + registry + "' is not a valid host[:port]");
                }
            }
        }
        registry = normaliseRegistry(registry);
        if (registry.equals(DOCKER_HUB) && !repository.contains("/")) {
            repository = "library/" + repository;
        }
        validateRepository(text, repository);
        if (tag == null && digest == null) {
            tag = "latest";
        }
        return new ImageReference(registry, repository, tag, digest);
    }

    private static String normaliseRegistry(String registry) {
        String lower = registry.toLowerCase(java.util.Locale.ROOT);
        return switch (lower) {
            case "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com" -> DOCKER_HUB;
            default -> lower;
        };
    }

    private static void validateRepository(String text, String repository) {
        if (repository.isEmpty()) {
            throw invalid(text, "the repository name is empty");
        }
        if (repository.length() > 255) {
            throw invalid(text, "the repository name is longer than 255 characters");
        }
        if (!repository.equals(repository.toLowerCase(java.util.Locale.ROOT))) {
            throw invalid(text, "repository '" + repository + "' must be lowercase");
        }
        for (String component : repository.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                throw invalid(text, "repository path component '" + component
                        + "' must be lowercase letters and digits, separated by '.', '_', '__' or '-'");
            }
        }
    }

    private static RegistryException invalid(String text, String why) {
        return RegistryException.builder(FailureCode.INVALID_REFERENCE, "invalid image reference '" + text + "': " + why)
                .evidence("reference", text)
                .build();
    }

    /** The host the distribution API is served on (Docker Hub's differs from its name). */
    public String apiHost() {
        return registry.equals(DOCKER_HUB) ? DOCKER_HUB_API_HOST : registry;
    }

    /** The digest when given, else the tag: what goes into {@code /manifests/<reference>}. */
    public String manifestReference() {
        return digest != null ? digest : tag;
    }

    public Optional<String> digestIfAny() {
        return Optional.ofNullable(digest);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(registry).append('/').append(repository);
        if (tag != null) {
            sb.append(':').append(tag);
        }
        if (digest != null) {
            sb.append('@').append(digest);
        }
        return sb.toString();
    }
}
