package io.stella.registry.vendor;

import io.stella.registry.failure.RegistryException;
import java.util.Optional;

/** Quay: robot accounts ({@code org+robot}), OAuth access tokens ({@code $oauthtoken}), encrypted passwords. */
final class QuayAdvice implements VendorAdvice {
    static final String OAUTH_USER = "$oauthtoken";

    @Override
    public RegistryVendor vendor() {
        return RegistryVendor.QUAY;
    }

    @Override
    public Optional<Advice> advise(RegistryException failure, Principal principal) {
        FailureFacts facts = new FailureFacts(failure);
        Optional<QuayRobot> robot = principal.username().flatMap(QuayRobot::parse);
        if (facts.rejected()) {
            if (robot.isPresent()) {
                return Optional.of(Advice.of("Quay rejected the token of robot account " + robot.get().fullName()
                        + ": it is wrong or was regenerated (regenerating invalidates the old one). Copy the current "
                        + "one from " + robot.get().namespace() + " → Robot Accounts → " + robot.get().fullName()
                        + " → View Credentials.").with("quay_robot", robot.get().fullName()));
            }
            if (principal.usernameIs(OAUTH_USER)) {
                return Optional.of(Advice.of("Quay rejected the OAuth access token (username $oauthtoken): it was "
                        + "revoked or its application deleted; generate a new one in the organization's Applications → "
                        + "<application> → Generate Token, with 'View all visible repositories'."));
            }
            return Optional.of(Advice.of("Quay rejected " + principal.describe() + ". Accounts that sign in with "
                    + "GitHub, Google or OIDC have no Quay password: generate an encrypted password (Account Settings → "
                    + "Docker CLI Password → Generate Encrypted Password) or use a robot account (<org>+<robot>)."));
        }
        if ((facts.denied() || facts.noCredentials()) && facts.namespace().isPresent()) {
            String namespace = facts.namespace().get();
            String repository = facts.repository().orElseThrow();
            if (facts.noCredentials()) {
                return Optional.of(Advice.of("Repository " + repository + " is private on Quay (or does not exist): "
                        + "log in with a robot account of " + namespace + " (" + namespace + "+<robot>) that has Read on "
                        + "it."));
            }
            if (robot.isPresent() && !robot.get().namespace().equals(namespace)) {
                return Optional.of(Advice.of("Quay robot " + robot.get().fullName() + " belongs to namespace "
                        + robot.get().namespace() + "; repository " + repository + " is in namespace " + namespace
                        + ", where robots of other namespaces cannot be granted access: create a robot in "
                        + namespace + " (" + namespace + " → Robot Accounts) with Read on " + repository + ".")
                        .with("quay_robot", robot.get().fullName()).with("quay_namespace", namespace));
            }
            if (robot.isPresent()) {
                return Optional.of(Advice.of("Give robot " + robot.get().fullName() + " Read on " + repository
                        + " (repository Settings → User and Robot Permissions, or a team of " + namespace
                        + " with Read, or a default permission of the organization)."
                        + (facts.maybeMissing() ? " Quay answers the same for a repository that does not exist." : ""))
                        .with("quay_robot", robot.get().fullName()).with("quay_namespace", namespace));
            }
            if (principal.usernameIs(OAUTH_USER)) {
                return Optional.of(Advice.of("The OAuth access token needs the 'View all visible repositories' "
                        + "(repo:read) scope and its user Read on " + repository + "; generate a new token with it."));
            }
            return Optional.of(Advice.of("Give " + principal.username().orElse("the account") + " Read on "
                    + repository + " (repository Settings → User and Robot Permissions, or a team of " + namespace
                    + " with Read), or use a robot account of " + namespace + "."
                    + (facts.maybeMissing() ? " Quay answers the same for a repository that does not exist." : "")));
        }
        return Optional.empty();
    }
}
