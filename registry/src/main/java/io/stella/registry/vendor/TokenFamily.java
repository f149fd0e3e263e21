package io.stella.registry.vendor;

import io.stella.registry.Secret;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kind of token a password is, told by its documented prefix only, so failures can name it
 * ({@code dckr_pat_…}) without ever showing the rest of it.
 */
public enum TokenFamily {
    DOCKER_HUB_PAT("dckr_pat_", "a Docker Hub personal access token"),
    DOCKER_HUB_ORG_TOKEN("dckr_oat_", "a Docker Hub organization access token"),
    GITHUB_CLASSIC_PAT("ghp_", "a GitHub personal access token (classic)"),
    GITHUB_FINE_GRAINED_PAT("github_pat_", "a GitHub fine-grained personal access token"),
    GITHUB_ACTIONS_TOKEN("ghs_", "a GitHub Actions GITHUB_TOKEN"),
    GITLAB_ACCESS_TOKEN("glpat-", "a GitLab personal, project or group access token"),
    GITLAB_DEPLOY_TOKEN("gldt-", "a GitLab deploy token"),
    GITLAB_JOB_TOKEN("glcbt-", "a GitLab CI/CD job token"),
    ARTIFACTORY_API_KEY("AKC", "an Artifactory API key"),
    ARTIFACTORY_REFERENCE_TOKEN("cmVmdGtu", "an Artifactory reference (identity) token"),
    JWT("eyJ", "a JWT access token");

    private final String prefix;
    private final String description;

    TokenFamily(String prefix, String description) {
        this.prefix = prefix;
        this.description = description;
    }

    /** The prefix and an ellipsis, safe to print: {@code dckr_pat_…}. */
    public String label() {
        return prefix + "…";
    }

    public String description() {
        return description;
    }

    public static Optional<TokenFamily> of(Secret secret) {
        String value = secret.reveal();
        // The longest prefix wins (ghp_ vs github_pat_ do not overlap, but keep it robust).
        return Arrays.stream(values()).filter(f -> value.startsWith(f.prefix) && value.length() > f.prefix.length())
                .max(java.util.Comparator.comparingInt(f -> f.prefix.length()));
    }
}
