package io.stella.registry.vendor;

import io.stella.registry.failure.RegistryException;
import java.util.Optional;

/** Azure Container Registry: AcrPull role, ACR refresh tokens, admin user, repository-scoped tokens. */
final class AcrAdvice implements VendorAdvice {
    static final String REFRESH_TOKEN_USER = "00000000-0000-0000-0000-000000000000";

    @Override
    public RegistryVendor vendor() {
        return RegistryVendor.ACR;
    }

    @Override
    public Optional<Advice> advise(RegistryException failure, Principal principal) {
        FailureFacts facts = new FailureFacts(failure);
        String host = RegistryVendor.hostOnly(facts.registry());
        String name = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
        Advice advice;
        if (facts.rejected() || facts.noCredentials()) {
            String used = principal.usernameIs(REFRESH_TOKEN_USER)
                    ? "The ACR refresh token (username " + REFRESH_TOKEN_USER + ") expires after about 3 hours: get "
                            + "a new one with az acr login --name " + name + " --expose-token. "
                    : "";
            advice = Advice.of(used + "ACR accepts a Microsoft Entra identity's refresh token (az acr login --name "
                    + name + " --expose-token, username " + REFRESH_TOKEN_USER + "), a service principal's app id and "
                    + "secret, a repository-scoped token, or the admin user (az acr credential show --name " + name
                    + "); or configure the registry as type acr so stella fetches tokens itself.");
        } else if (facts.denied() && facts.repository().isPresent()) {
            advice = Advice.of("The identity needs the AcrPull role on registry " + name + ": az role assignment "
                    + "create --assignee <principal id> --role AcrPull --scope $(az acr show --name " + name
                    + " --query id --output tsv); a repository-scoped token needs a scope map with content/read on "
                    + facts.repository().get() + ". Check it exists: az acr repository show --name " + name
                    + " --repository " + facts.repository().get() + ".");
        } else if (facts.rateLimited()) {
            advice = Advice.of("ACR throttles by service tier (ReadOps per minute): lower scan.max_workers or move "
                    + "registry " + name + " to a higher tier (az acr update --name " + name + " --sku Premium).");
        } else {
            return Optional.empty();
        }
        return Optional.of(advice.with("acr_registry", name));
    }
}
