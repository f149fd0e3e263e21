package io.stella.registry.aws;

import io.stella.registry.auth.provider.ProvidedRepository;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.aws.wire.ListAccountsResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks an AWS Organization: assumes the management role, lists the ACTIVE accounts, assumes the member role in
 * each allowed account, and lists the repositories of each of its regions. An account or region that fails is
 * recorded and the walk goes on; a failure of the management role or of ListAccounts ends it.
 */
public final class OrganizationWalker {
    private final AwsSessions sessions;

    public OrganizationWalker(AwsSessions sessions) {
        this.sessions = sessions;
    }

    public OrganizationWalk walk() {
        EcrSettings settings = sessions.settings();
        boolean china = sessions.region().startsWith("cn-");
        AwsIdentity management = sessions.management();
        List<String> accounts = new OrganizationsApi(sessions.clients(), management, china).listAccounts().stream()
                .filter(ListAccountsResponse.Account::active)
                .map(ListAccountsResponse.Account::id)
                .filter(settings::allowsAccount)
                .toList();
        List<ProvidedRepository> repositories = new ArrayList<>();
        List<OrganizationWalk.Failure> failures = new ArrayList<>();
        for (String account : accounts) {
            AwsIdentity member;
            List<String> regions;
            try {
                member = sessions.member(management, account);
                regions = settings.allowListRegions().isEmpty() ? regions(member, account) : settings.allowListRegions();
            } catch (RegistryException e) {
                failures.add(new OrganizationWalk.Failure(account, Optional.empty(), e));
                continue;
            }
            for (String region : regions) {
                EcrTarget target = new EcrTarget(EcrHost.hostOf(account, region, china), Optional.of(account), region,
                        false, china);
                try {
                    repositories.addAll(EcrRepositories.list(sessions.clients(), member, target));
                } catch (RegistryException e) {
                    failures.add(new OrganizationWalk.Failure(account, Optional.of(region), e));
                }
            }
        }
        return new OrganizationWalk(accounts, repositories, failures);
    }

    private List<String> regions(AwsIdentity member, String account) {
        return new Ec2RegionsApi(sessions.clients()).regions(member, sessions.region(),
                EcrHost.hostOf(account, sessions.region(), sessions.region().startsWith("cn-")));
    }
}
