package io.stella.cli;

import io.stella.registry.config.RegistryConfig;
import io.stella.registry.config.StellaConfig;
import io.stella.registry.failure.RegistryException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "refresh-credentials", mixinStandardHelpOptions = true,
        description = "Fetch a new token for a registry now and show when it expires.")
final class RegistryRefreshCredentialsCommand implements Callable<Integer> {
    private final Context context;

    @Mixin
    ConfigFileOption file;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    RegistryRefreshCredentialsCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CommonOptions options = new CommonOptions();
        options.config = file.config;
        RegistryAccess access = new RegistryAccess(context, options, false);
        try {
            StellaConfig config = ConfigFile.of(context, file.config).load();
            RegistryConfig registry = RegistryNames.require(config, name);
            RegistryProbe.Outcome outcome = RegistryProbe.check(access, config, registry, Optional.empty());
            if (outcome.failure().isPresent()) {
                throw outcome.failure().get();
            }
            var state = access.credentialStates().read(registry.hostKey());
            boolean renewable = state.map(st -> st.kind() != null && (st.kind().equals("cloud") || st.kind().equals("helper")))
                    .orElse(false);
            if (renewable) {
                var st = state.get();
                context.out().println("New " + st.kind() + " credential for " + name + " from " + st.source() + ": obtained "
                        + st.obtainedAt() + ", expires " + (st.expiresAt() == null ? "(not stated by the source)"
                        : st.expiresAt()) + (st.refreshAt() == null ? "" : ", next refresh " + st.refreshAt()));
            }
            if (outcome.token().isPresent()) {
                var token = outcome.token().get();
                context.out().println("New token for " + name + ": issued " + token.issuedAt() + ", expires "
                        + token.expiresAt() + " (lifetime " + token.lifetime().toSeconds() + " s)");
            } else if (!renewable) {
                context.out().println("Nothing to refresh for " + name + ": it uses "
                        + outcome.authMethod().orElse("none") + " authentication with a static credential, which is "
                        + "sent with each request (no token).");
            }
            return ExitCodes.OK;
        } catch (RegistryException e) {
            return access.fail(e);
        }
    }
}
