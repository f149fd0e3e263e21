package io.stella.registry.vendor;

import io.stella.registry.failure.RegistryException;
import java.util.Optional;

/** GitLab's container registry: personal/project/group access tokens, deploy tokens, CI job tokens. */
final class GitLabAdvice implements VendorAdvice {
    static final String JOB_TOKEN_USER = "gitlab-ci-token";

    @Override
    public RegistryVendor vendor() {
        return RegistryVendor.GITLAB;
    }

    @Override
    public Optional<Advice> advise(RegistryException failure, Principal principal) {
        FailureFacts facts = new FailureFacts(failure);
        Kind kind = Kind.of(principal);
        if (facts.rejected()) {
            String hint = switch (kind) {
                case JOB_TOKEN -> "GitLab rejected the CI job token (username gitlab-ci-token): it is valid only while "
                        + "its job runs; outside a job use an access token or deploy token with read_registry.";
                case DEPLOY_TOKEN -> "GitLab rejected the deploy token: it is expired or revoked, or the username is "
                        + "not the deploy token's own (gitlab+deploy-token-<id>, shown when it was created). Create one "
                        + "with read_registry in the project or group: Settings → Repository → Deploy tokens.";
                case ACCESS_TOKEN -> "GitLab rejected " + principal.describe() + ": it expired (access tokens expire, "
                        + "at most after a year) or was revoked. Create a new one with the read_registry scope "
                        + "(User settings → Access tokens, or the project's/group's Settings → Access tokens).";
                case PASSWORD -> "GitLab rejected the password of " + principal.describe() + ". Accounts with "
                        + "two-factor authentication or SSO must use a personal access token with read_registry as "
                        + "the password.";
            };
            return Optional.of(Advice.of(hint).with("gitlab_credential", kind.label));
        }
        if ((facts.denied() || facts.noCredentials()) && facts.repository().isPresent()) {
            String repository = facts.repository().get();
            String hint = switch (kind) {
                case JOB_TOKEN -> "The CI job token may pull from " + repository + " only if that project allows the "
                        + "job's project: add it to the job token allowlist (project of " + repository
                        + " → Settings → CI/CD → Job token permissions).";
                case DEPLOY_TOKEN -> "The deploy token needs the read_registry scope and must belong to the project "
                        + "(or its group) that holds " + repository + ".";
                case ACCESS_TOKEN, PASSWORD -> (facts.noCredentials()
                        ? "The project of " + repository + " is private (or does not exist): log in with "
                        : "GitLab needs ") + "a token with the read_registry scope whose user (or project/group access "
                        + "token bot) has at least the Reporter role in the project of " + repository + ".";
            };
            return Optional.of(Advice.of(hint).with("gitlab_credential", kind.label));
        }
        return Optional.empty();
    }

    private enum Kind {
        JOB_TOKEN("CI job token"), DEPLOY_TOKEN("deploy token"), ACCESS_TOKEN("access token"), PASSWORD("password");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        static Kind of(Principal principal) {
            if (principal.usernameIs(JOB_TOKEN_USER) || principal.token().filter(t -> t == TokenFamily.GITLAB_JOB_TOKEN)
                    .isPresent()) {
                return JOB_TOKEN;
            }
            if (principal.username().filter(u -> u.startsWith("gitlab+deploy-token")).isPresent()
                    || principal.token().filter(t -> t == TokenFamily.GITLAB_DEPLOY_TOKEN).isPresent()) {
                return DEPLOY_TOKEN;
            }
            return principal.token().filter(t -> t == TokenFamily.GITLAB_ACCESS_TOKEN).isPresent()
                    ? ACCESS_TOKEN : PASSWORD;
        }
    }
}
