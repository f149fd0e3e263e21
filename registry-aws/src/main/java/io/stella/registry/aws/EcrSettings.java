package io.stella.registry.aws;

import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.config.CloudConfig;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code cloud:} keys of an ECR registry entry.
 *
 * @param region                     region when the host does not name one (a custom domain in front of ECR)
 * @param registryId                 account id when the host does not name one
 * @param profile                    profile of the shared config files instead of {@code AWS_PROFILE}
 * @param accessKeyIdEnv             name of the environment variable holding the access key id
 * @param secretAccessKeyEnv         name of the environment variable holding the secret access key
 * @param sessionTokenEnv            name of the environment variable holding a session token
 * @param roleArn                    role assumed with the base identity before calling ECR
 * @param externalId                 external id the role's trust policy asks for
 * @param sessionName                role session name, "stella" by default
 * @param managementAccountRoleArn   Organizations mode: role in the management account that may list accounts
 * @param memberAccountsRoleName     Organizations mode: role assumed in each member account
 * @param allowListMemberAccountIds  Organizations mode: only these member accounts (all when empty)
 * @param allowListRegions           Organizations mode: only these regions (else ec2:DescribeRegions)
 */
public record EcrSettings(Optional<String> region, Optional<String> registryId, Optional<String> profile,
                          Optional<String> accessKeyIdEnv, Optional<String> secretAccessKeyEnv,
                          Optional<String> sessionTokenEnv, Optional<String> roleArn, Optional<String> externalId,
                          String sessionName, Optional<String> managementAccountRoleArn, String memberAccountsRoleName,
                          List<String> allowListMemberAccountIds, List<String> allowListRegions) {

    public static final String DEFAULT_SESSION_NAME = "stella";
    public static final String DEFAULT_MEMBER_ROLE = "OrganizationAccountAccessRole";
    public static final Set<String> KEYS = Set.of("region", "registry_id", "profile", "access_key_id_env",
            "secret_access_key_env", "session_token_env", "role_arn", "external_id", "session_name",
            "management_account_role_arn", "member_accounts_role_name", "allow_list_member_account_ids",
            "allow_list_regions");

    public static EcrSettings of(ProviderContext context) {
        CloudConfig cloud = context.cloud();
        return new EcrSettings(cloud.string("region"), cloud.string("registry_id"), cloud.string("profile"),
                cloud.string("access_key_id_env"), cloud.string("secret_access_key_env"),
                cloud.string("session_token_env"), cloud.string("role_arn"), cloud.string("external_id"),
                cloud.string("session_name").orElse(DEFAULT_SESSION_NAME), cloud.string("management_account_role_arn"),
                cloud.string("member_accounts_role_name").orElse(DEFAULT_MEMBER_ROLE),
                cloud.strings("allow_list_member_account_ids"), cloud.strings("allow_list_regions"));
    }

    public boolean organizationsMode() {
        return managementAccountRoleArn.isPresent();
    }

    public boolean allowsAccount(String account) {
        return allowListMemberAccountIds.isEmpty() || allowListMemberAccountIds.contains(account);
    }

    public boolean allowsRegion(String region) {
        return allowListRegions.isEmpty() || allowListRegions.contains(region);
    }

    /** The registry of the entry's own host: from an ECR host name, else from {@code cloud.region}/{@code registry_id}. */
    public EcrTarget entryTarget(ProviderContext context) {
        String host = context.registry().hostKey();
        Optional<EcrHost> ecr = EcrHost.parse(host);
        if (ecr.isPresent()) {
            EcrHost h = ecr.get();
            return new EcrTarget(host, Optional.of(registryId.orElse(h.account())), region.orElse(h.region()), h.fips(),
                    h.china());
        }
        String named = region.orElseThrow(() -> RegistryException.builder(FailureCode.CONFIG_INVALID,
                        "registry " + context.registry().name() + ": " + host + " is not an ECR host and cloud.region is not set")
                .registry(host)
                .hint("Use the ECR registry host <account>.dkr.ecr.<region>.amazonaws.com (ecr-fips for FIPS, "
                        + ".amazonaws.com.cn in China), or set cloud.region (and cloud.registry_id) for a custom "
                        + "domain: stella registry config set " + context.registry().name() + ".cloud.region us-east-1")
                .evidence("host", host)
                .build());
        return new EcrTarget(host, registryId, named, false, named.startsWith("cn-"));
    }
}
