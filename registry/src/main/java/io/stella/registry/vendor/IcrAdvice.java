package io.stella.registry.vendor;

import io.stella.registry.failure.RegistryException;
import java.util.Optional;

/** IBM Cloud Container Registry: username iamapikey with an IBM Cloud API key, IAM roles on namespaces. */
final class IcrAdvice implements VendorAdvice {
    static final String API_KEY_USER = "iamapikey";
    private static final String LOGIN = "use username iamapikey and an API key from `ibmcloud iam api-key-create` "
            + "(a service ID's from `ibmcloud iam service-api-key-create`) as the password";

    @Override
    public RegistryVendor vendor() {
        return RegistryVendor.ICR;
    }

    @Override
    public Optional<Advice> advise(RegistryException failure, Principal principal) {
        FailureFacts facts = new FailureFacts(failure);
        if (facts.rejected() || facts.noCredentials()) {
            String wrongUser = principal.username().filter(u -> !u.equalsIgnoreCase(API_KEY_USER)
                    && !u.equalsIgnoreCase("iambearer")).map(u -> " (the username was '" + u + "', which IBM Cloud "
                    + "Container Registry does not know)").orElse("");
            String state = principal.usernameIs(API_KEY_USER) && facts.rejected()
                    ? "the API key is wrong, deleted or locked out; " : "";
            return Optional.of(Advice.of("IBM Cloud Container Registry: " + state + LOGIN + wrongUser
                    + ". An IAM token (username iambearer) is valid for 1 h only."));
        }
        if (facts.denied() && facts.namespace().isPresent()) {
            String namespace = facts.namespace().get();
            return Optional.of(Advice.of("The IAM identity behind the API key needs the Reader role on the Container "
                    + "Registry namespace " + namespace + " (in the account and region of " + facts.registry()
                    + "): ibmcloud iam user-policy-create <user> --roles Reader --service-name container-registry "
                    + "--resource-type namespace --resource " + namespace + " (service-policy-create for a service "
                    + "ID). Check the namespace exists: ibmcloud cr namespace-list.")
                    .with("icr_namespace", namespace));
        }
        return Optional.empty();
    }
}
