package io.stella.registry.aws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Credentials to call AWS with, and how they were obtained (for messages and {@code iam-status}; never a secret).
 *
 * @param source       where the base identity came from, e.g. "env keys AWS_ACCESS_KEY_ID", "profile dev"
 * @param rolesAssumed the roles assumed on the way, in order
 * @param expiresAt    when the session credentials end, when they are session credentials
 */
public record AwsIdentity(AwsCredentialsProvider credentials, String source, List<String> rolesAssumed,
                          Optional<Instant> expiresAt) {
    public AwsIdentity {
        rolesAssumed = List.copyOf(rolesAssumed);
    }

    public AwsIdentity assumed(AwsCredentialsProvider roleCredentials, String roleArn, Optional<Instant> expiry) {
        List<String> roles = new ArrayList<>(rolesAssumed);
        roles.add(roleArn);
        return new AwsIdentity(roleCredentials, source, roles, expiry);
    }

    /** The role in use, when one was assumed. */
    public Optional<String> currentRole() {
        return rolesAssumed.isEmpty() ? Optional.empty() : Optional.of(rolesAssumed.getLast());
    }

    /** For messages and credential origins: "assumed role arn:… from env keys AWS_ACCESS_KEY_ID". */
    public String describe() {
        if (rolesAssumed.isEmpty()) {
            return source;
        }
        String via = rolesAssumed.size() > 1
                ? " (via " + String.join(" then ", rolesAssumed.subList(0, rolesAssumed.size() - 1)) + ")" : "";
        return "assumed role " + rolesAssumed.getLast() + via + " from " + source;
    }
}
