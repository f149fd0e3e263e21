package io.stella.registry.auth.provider;

import java.util.List;

/**
 * The answer of {@code iam-status}, {@code iam verify} and {@code oidc verify}: facts about the identity and, for
 * verification, one check per action or link of the chain.
 *
 * @param facts  e.g. caller ARN, account, roles assumed, token expiry; never a secret
 * @param checks e.g. {@code ecr:GetAuthorizationToken allowed}
 */
public record IdentityReport(List<Fact> facts, List<Check> checks) {
    public IdentityReport {
        facts = List.copyOf(facts);
        checks = List.copyOf(checks);
    }

    public record Fact(String name, String value) {
    }

    /**
     * @param name   the action or link, e.g. {@code ecr:DescribeImages}
     * @param status whether it is allowed / works
     * @param detail evidence, or the fix when it failed
     */
    public record Check(String name, Status status, String detail) {
    }

    public enum Status { PASS, WARN, FAIL, SKIP }

    /** The worst status of the checks; PASS when there are none. */
    public Status worst() {
        return checks.stream().map(Check::status).filter(s -> s != Status.SKIP)
                .max(Enum::compareTo).orElse(Status.PASS);
    }
}
