package io.stella.registry.aws;

import io.stella.registry.auth.provider.ProviderContext;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The identities of one registry entry: the base identity, the entry's {@code cloud.role_arn}, and in
 * Organizations mode the management role and each member account's role (assumed with the management role).
 */
public final class AwsSessions {
    private final AwsClients clients;
    private final EcrSettings settings;
    private final String region;
    private AwsIdentity base;

    public AwsSessions(ProviderContext context, EcrSettings settings, String region) {
        this.clients = new AwsClients(context, BaseCredentials.profileFile(context));
        this.settings = settings;
        this.region = region;
    }

    public AwsClients clients() {
        return clients;
    }

    public EcrSettings settings() {
        return settings;
    }

    /** The region STS and the Organizations walk use. */
    public String region() {
        return region;
    }

    public AwsIdentity base() {
        if (base == null) {
            base = new BaseCredentials(clients, settings, region).resolve();
        }
        return base;
    }

    /** The identity for the entry's own registry: the base identity, or {@code cloud.role_arn} assumed with it. */
    public AwsIdentity entry() {
        return settings.roleArn().map(role -> assume(base(), role, settings.externalId())).orElseGet(this::base);
    }

    public AwsIdentity management() {
        return assume(base(), settings.managementAccountRoleArn().orElseThrow(), settings.externalId());
    }

    public AwsIdentity member(AwsIdentity management, String account) {
        String partition = region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
        return assume(management, "arn:" + partition + ":iam::" + account + ":role/" + settings.memberAccountsRoleName(),
                Optional.empty());
    }

    public AwsIdentity assume(AwsIdentity caller, String roleArn, Optional<String> externalId) {
        try (StsClient sts = clients.sts(caller.credentials(), region)) {
            AssumeRoleResponse response = sts.assumeRole(r -> {
                r.roleArn(roleArn).roleSessionName(settings.sessionName());
                externalId.ifPresent(r::externalId);
            });
            Credentials c = response.credentials();
            return caller.assumed(StaticCredentialsProvider.create(AwsSessionCredentials.builder()
                            .accessKeyId(c.accessKeyId()).secretAccessKey(c.secretAccessKey()).sessionToken(c.sessionToken())
                            .expirationTime(c.expiration()).build()),
                    roleArn, Optional.ofNullable(c.expiration()));
        } catch (SdkException e) {
            throw AwsFailures.classify(e, "sts:AssumeRole", caller, clients.context().registry().hostKey())
                    .toBuilder().evidence("role_arn", roleArn).build();
        }
    }
}
