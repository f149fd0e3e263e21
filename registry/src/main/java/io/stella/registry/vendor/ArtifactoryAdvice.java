package io.stella.registry.vendor;

import io.stella.registry.failure.RegistryException;
import java.util.Optional;

/** JFrog Artifactory: passwords, API keys, identity and access tokens, permission targets, docker access methods. */
final class ArtifactoryAdvice implements VendorAdvice {

    @Override
    public RegistryVendor vendor() {
        return RegistryVendor.ARTIFACTORY;
    }

    @Override
    public Optional<Advice> advise(RegistryException failure, Principal principal) {
        FailureFacts facts = new FailureFacts(failure);
        if (facts.noRegistryApi()) {
            return Optional.of(Advice.of("Artifactory serves the Docker API per docker repository: with the "
                    + "subdomain method at <repository-key>.<host>, with the repository path method at "
                    + "<host>/<repository-key>/<image> (Administration → HTTP Settings → Docker Access Method), or on "
                    + "a reverse-proxy port; point stella at that host."));
        }
        if (facts.rejected()) {
            String user = principal.username().orElse("<user>");
            Advice advice = switch (principal.token().orElse(null)) {
                case ARTIFACTORY_API_KEY -> Advice.of("Artifactory rejected the API key of " + user + ": API keys are "
                        + "deprecated and disabled on current Artifactory and JFrog Cloud. Generate an identity token "
                        + "(User Profile → Generate an Identity Token) and use it as the password with " + user + ".");
                case ARTIFACTORY_REFERENCE_TOKEN, JWT -> Advice.of("Artifactory rejected " + principal.describe()
                        + ": the token expired or was revoked, or belongs to another user than " + user + ". Generate "
                        + "a new identity token (User Profile → Identity Tokens) or access token (Administration → "
                        + "User Management → Access Tokens).");
                case null, default -> Advice.of("Artifactory rejected the password of " + principal.describe()
                        + ". Users who sign in with SAML/OIDC/SSO have no usable password: use an identity token "
                        + "(User Profile → Generate an Identity Token) as the password.");
            };
            return Optional.of(advice.with("token_kind", principal.token().map(TokenFamily::label).orElse(null)));
        }
        if (facts.noCredentials() || facts.denied()) {
            String repoKey = facts.namespace().map(n -> " (with the repository path method the first path segment, "
                    + n + ", is the Artifactory repository key)").orElse("");
            return Optional.of(Advice.of((facts.noCredentials()
                    ? "Anonymous access is off for this Artifactory repository: log in, or grant the 'anonymous' "
                            + "user Read in a permission target"
                    : "Give " + principal.username().orElse("the user") + " (or one of its groups) Read on the docker "
                            + "repository in a permission target (Administration → User Management → Permissions)")
                    + repoKey + "." + (facts.maybeMissing()
                            ? " Artifactory answers the same when the image does not exist." : "")));
        }
        return Optional.empty();
    }
}
