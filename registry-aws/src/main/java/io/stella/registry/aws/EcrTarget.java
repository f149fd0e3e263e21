package io.stella.registry.aws;

import java.util.Optional;

/**
 * The ECR registry a call is about.
 *
 * @param host       the registry host as configured or discovered
 * @param registryId the account id, empty for the caller's default registry
 */
public record EcrTarget(String host, Optional<String> registryId, String region, boolean fips, boolean china) {

    public static EcrTarget of(EcrHost host) {
        return new EcrTarget(host.host(), Optional.of(host.account()), host.region(), host.fips(), host.china());
    }
}
