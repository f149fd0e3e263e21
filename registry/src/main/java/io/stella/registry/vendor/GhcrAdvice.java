package io.stella.registry.vendor;

import io.stella.registry.failure.RegistryException;
import java.util.Optional;

/** GitHub Container Registry: classic PATs with read:packages, GITHUB_TOKEN, organization SSO. */
final class GhcrAdvice implements VendorAdvice {
    private static final String DENIED = "the PAT needs read:packages; for org packages SSO-authorize the token";

    @Override
    public RegistryVendor vendor() {
        return RegistryVendor.GHCR;
    }

    @Override
    public Optional<Advice> advise(RegistryException failure, Principal principal) {
        FailureFacts facts = new FailureFacts(failure);
        if (facts.rejected()) {
            Advice advice = switch (principal.token().orElse(null)) {
                case GITHUB_FINE_GRAINED_PAT -> Advice.of("ghcr.io rejected a fine-grained personal access token "
                        + "(github_pat_…): GitHub Packages accepts only personal access tokens (classic); create one "
                        + "with read:packages (GitHub → Settings → Developer settings → Personal access tokens → "
                        + "Tokens (classic)).");
                case GITHUB_ACTIONS_TOKEN -> Advice.of("ghcr.io rejected a GITHUB_TOKEN (ghs_…): it is valid only "
                        + "while its workflow job runs; use a PAT (classic) with read:packages outside the job.");
                case GITHUB_CLASSIC_PAT -> Advice.of("ghcr.io rejected " + principal.describe() + ": it is expired "
                        + "or revoked, or the username is not its owner; create a new PAT (classic) with read:packages.");
                case null, default -> Advice.of("ghcr.io does not accept GitHub passwords: use your GitHub username "
                        + "and a personal access token (classic) with read:packages as the password.");
            };
            return Optional.of(advice.with("token_kind", principal.token().map(TokenFamily::label).orElse(null)));
        }
        if ((facts.denied() || facts.noCredentials()) && facts.namespace().isPresent()) {
            String owner = facts.namespace().get();
            String repository = facts.repository().orElseThrow();
            if (facts.noCredentials()) {
                return Optional.of(Advice.of("Package " + repository + " is private (or does not exist): log in with "
                        + "a GitHub username and a PAT (classic) with read:packages."));
            }
            String actions = principal.token().filter(t -> t == TokenFamily.GITHUB_ACTIONS_TOKEN).isPresent()
                    ? " A GITHUB_TOKEN reaches a package only when the package grants the workflow's repository "
                            + "access (package settings → Manage Actions access)." : "";
            return Optional.of(Advice.of("On " + repository + ": " + DENIED + " (GitHub → Settings → Developer "
                    + "settings → Personal access tokens → Configure SSO for " + owner + "), and "
                    + principal.username().orElse("the account") + " needs read access to the package (package "
                    + "settings → Manage access)." + actions).with("github_owner", owner));
        }
        return Optional.empty();
    }
}
