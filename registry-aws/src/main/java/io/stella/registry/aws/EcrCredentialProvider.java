package io.stella.registry.aws;

import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.auth.provider.CredentialProvider;
import io.stella.registry.auth.provider.IdentityReport;
import io.stella.registry.auth.provider.ProvidedRepository;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.auth.provider.ProviderDiscovery;
import io.stella.registry.config.RegistryType;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Amazon ECR: registry passwords from {@code ecr:GetAuthorizationToken} with the AWS identity of the
 * environment (optionally a role assumed with it), repositories from {@code DescribeRepositories}, and in
 * Organizations mode the registries of every member account.
 */
public final class EcrCredentialProvider implements CredentialProvider {

    @Override
    public String name() {
        return "ecr";
    }

    @Override
    public Set<RegistryType> types() {
        return Set.of(RegistryType.ECR);
    }

    @Override
    public Set<String> settingKeys() {
        return EcrSettings.KEYS;
    }

    @Override
    public boolean answers(ProviderContext context, String registryHost) {
        if (!types().contains(context.registry().type())) {
            return false;
        }
        if (registryHost.equalsIgnoreCase(context.registry().hostKey())) {
            // with nothing configured and no AWS identity in sight, docker config credentials get their turn
            return !context.cloud().isEmpty() || BaseCredentials.anyInSight(context);
        }
        EcrSettings settings = EcrSettings.of(context);
        return settings.organizationsMode() && EcrHost.parse(registryHost)
                .filter(h -> settings.allowsAccount(h.account()) && settings.allowsRegion(h.region()))
                .isPresent();
    }

    @Override
    public ResolvedCredential fetch(ProviderContext context, String registryHost) {
        EcrSettings settings = EcrSettings.of(context);
        EcrTarget entry = settings.entryTarget(context);
        Optional<EcrHost> member = registryHost.equalsIgnoreCase(entry.host()) ? Optional.empty()
                : EcrHost.parse(registryHost).filter(h -> settings.organizationsMode());
        if (member.isPresent()) {
            EcrTarget target = EcrTarget.of(member.get());
            AwsSessions sessions = new AwsSessions(context, settings, target.region());
            AwsIdentity identity = sessions.member(sessions.management(), member.get().account());
            return EcrTokens.fetch(sessions.clients(), identity, target);
        }
        AwsSessions sessions = new AwsSessions(context, settings, entry.region());
        return EcrTokens.fetch(sessions.clients(), sessions.entry(), entry);
    }

    @Override
    public List<ProvidedRepository> repositories(ProviderContext context) {
        EcrSettings settings = EcrSettings.of(context);
        EcrTarget entry = settings.entryTarget(context);
        AwsSessions sessions = new AwsSessions(context, settings, entry.region());
        if (settings.organizationsMode()) {
            return new OrganizationWalker(sessions).walk().repositories();
        }
        return EcrRepositories.list(sessions.clients(), sessions.entry(), entry);
    }

    /** As {@link #repositories}, with each member account or region an Organizations walk could not list. */
    @Override
    public ProviderDiscovery discover(ProviderContext context) {
        EcrSettings settings = EcrSettings.of(context);
        if (!settings.organizationsMode()) {
            return new ProviderDiscovery(repositories(context), List.of());
        }
        AwsSessions sessions = new AwsSessions(context, settings, settings.entryTarget(context).region());
        OrganizationWalk walk = new OrganizationWalker(sessions).walk();
        return new ProviderDiscovery(walk.repositories(), walk.failures().stream()
                .map(f -> new ProviderDiscovery.Failure("account " + f.account() + f.region().map(r -> " region " + r)
                        .orElse(""), f.failure()))
                .toList());
    }

    @Override
    public IdentityReport identity(ProviderContext context) {
        return new EcrIdentityReports(context).identity();
    }

    @Override
    public IdentityReport verify(ProviderContext context) {
        return new EcrIdentityReports(context).verify();
    }
}
