package io.stella.registry.vendor;

import io.stella.registry.failure.RegistryException;
import java.time.Duration;
import java.util.Optional;

/** Docker Hub: pull rate limits, personal and organization access tokens, "pull access denied". */
final class DockerHubAdvice implements VendorAdvice {
    static final String LOGIN = "stella registry configure docker-hub --username <user> --access-token <PAT>";

    @Override
    public RegistryVendor vendor() {
        return RegistryVendor.DOCKERHUB;
    }

    @Override
    public Optional<Advice> advise(RegistryException failure, Principal principal) {
        FailureFacts facts = new FailureFacts(failure);
        if (facts.rateLimited()) {
            return Optional.of(rateLimited(facts, principal));
        }
        if (facts.rejected()) {
            return Optional.of(rejected(principal));
        }
        if ((facts.denied() || facts.noCredentials()) && facts.repository().isPresent()) {
            return Optional.of(denied(facts.repository().get(), principal));
        }
        return Optional.empty();
    }

    private static Advice rateLimited(FailureFacts facts, Principal principal) {
        Optional<Duration> window = facts.evidence("ratelimit_window_seconds").flatMap(DockerHubAdvice::seconds);
        String limits = "Docker Hub's pull rate limit is used up: anonymous pulls are limited to 100 per 6 h per IP; "
                + "authenticated free users 200";
        String fix = principal.anonymous()
                ? "; log in with a PAT (" + LOGIN + ")."
                : "; " + principal.describe() + " is already authenticated, so its plan's limit is reached: wait, "
                        + "use an account on a paid plan, or pull through a registry mirror.";
        String reset = window.map(w -> " Pulls count over a rolling window of " + w.toSeconds() + " s ("
                        + w.toHours() + " h): the limit frees up as pulls age out of it.")
                .orElse(" The limit frees up as pulls age out of the 6 h window.");
        String source = facts.evidence("ratelimit_source").map(s -> " Docker Hub counts these pulls against " + s + ".")
                .orElse("");
        return new Advice(limits + fix + reset + source, java.util.Map.of())
                .with("ratelimit_window_hours", window.map(Duration::toHours).orElse(null));
    }

    private static Advice rejected(Principal principal) {
        String user = principal.username().orElse("<user>");
        Advice advice = switch (principal.token().orElse(null)) {
            case DOCKER_HUB_PAT -> Advice.of("Docker Hub rejected " + principal.describe() + ": the token is revoked "
                    + "or expired, or " + user + " is not the account that owns it. Create a new one (Docker Hub → "
                    + "Account settings → Personal access tokens, 'Read-only' is enough to scan) and use it with the "
                    + "owner's username: " + LOGIN + ".");
            case DOCKER_HUB_ORG_TOKEN -> Advice.of("Docker Hub rejected " + principal.describe() + ": an organization "
                    + "access token is used with the organization's name as username, and may be revoked or expired "
                    + "(Organization → Settings → Access tokens).");
            case null, default -> Advice.of("Docker Hub rejected the password of " + principal.describe()
                    + ". Accounts with two-factor authentication or SSO cannot log in with their password: create a "
                    + "personal access token (Account settings → Personal access tokens) and use it: " + LOGIN + ".");
        };
        return advice.with("token_kind", principal.token().map(TokenFamily::label).orElse(null));
    }

    private static Advice denied(String repository, Principal principal) {
        String official = repository.contains("/") ? "" : " Official images live under library/ (library/"
                + repository + ").";
        String access = principal.anonymous()
                ? " For a private repository log in with a PAT of an account that may read it (" + LOGIN + ")."
                : " For a private repository " + principal.describe() + " needs access (the owner, or a member of "
                        + "an organization team with Read on it), and its access token at least 'Read-only' scope "
                        + "('Public Repo Read-only' tokens cannot pull private repositories).";
        return Advice.of("Docker Hub answers 'pull access denied' both for repositories that do not exist and for "
                + "private ones: check the name " + repository + "." + official + access);
    }

    private static Optional<Duration> seconds(String text) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
