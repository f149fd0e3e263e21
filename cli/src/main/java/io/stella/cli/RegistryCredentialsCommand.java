package io.stella.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stella.cli.output.Json;
import io.stella.cli.lifecycle.CredentialState;
import io.stella.registry.auth.CredentialLease;
import io.stella.registry.auth.RefreshPolicy;
import io.stella.registry.auth.ResolvedCredential;
import java.time.Clock;
import io.stella.registry.config.RegistryConfig;
import io.stella.registry.config.StellaConfig;
import io.stella.registry.failure.RegistryException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code registry credentials show NAME}. */
@Command(name = "credentials", mixinStandardHelpOptions = true, description = "Show a registry's credentials (never the secret).",
        subcommands = RegistryCredentialsCommand.Show.class)
final class RegistryCredentialsCommand extends GroupCommand {

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Where the registry's credential comes from, its type, user name and the secret masked (****abcd).")
    static final class Show implements Callable<Integer> {
        private final Context context;

        @Mixin
        ConfigFileOption file;

        @Mixin
        OutputOptions output;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        Show(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            CommonOptions options = new CommonOptions();
            options.config = file.config;
            RegistryAccess access = new RegistryAccess(context, options, output.json());
            try {
                StellaConfig config = ConfigFile.of(context, file.config).load();
                RegistryConfig registry = RegistryNames.require(config, name);
                RefreshPolicy policy = RefreshPolicy.of(registry);
                CredentialLease lease = access.configuredResolver(config).lease(registry.hostKey(), policy,
                        Clock.systemUTC(), access.recorder(registry.hostKey()));
                ResolvedCredential resolved = lease.peek();
                CredentialState state = access.credentialStates().read(registry.hostKey()).orElse(CredentialState.NONE);
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("registry", registry.name() + " (" + registry.url() + ")");
                fields.put("source", resolved.origin().toString());
                boolean cloudMissing = resolved.isAnonymous() && RegistryPreset.isCloud(registry.type());
                fields.put("type", cloudMissing ? "cloud (no provider answered: see note)" : CredentialDescription.type(resolved));
                fields.put("username", CredentialDescription.usernameOf(resolved.credential()));
                String secret = CredentialDescription.secretOf(resolved.credential());
                fields.put("secret", secret.isEmpty() ? "" : CredentialDescription.mask(secret));
                fields.put("issued", resolved.isAnonymous() ? "" : lease.obtainedAt() + " (obtained now from its source)");
                fields.put("expires", lease.expiresAt().map(Object::toString).orElse(resolved.isAnonymous() ? ""
                        : "no expiry known (a static credential)"));
                fields.put("auto_refresh", policy.describe()
                        + (registry.autoRefresh() == null && registry.refreshInterval() == null ? " (default)" : ""));
                fields.put("next_refresh", nextRefresh(lease, state));
                fields.put("last_token", state.tokenIssued() == null ? "none recorded"
                        : "issued " + state.tokenIssued() + ", expires " + state.tokenExpires());
                fields.put("last_refresh", state.lastRefresh() == null ? "none recorded" : state.lastRefresh().toString());
                fields.put("last_success", state.lastSuccess() == null ? "none recorded" : state.lastSuccess().toString());
                fields.put("last_failure", state.lastFailure() == null ? "none recorded" : state.lastFailure().toString());
                if (cloudMissing) {
                    fields.put("note", "no " + registry.type().configName() + " credential provider answered for this "
                            + "registry: see stella registry iam-status " + name);
                }
                print(fields);
                return ExitCodes.OK;
            } catch (RegistryException e) {
                return access.fail(e);
            }
        }

        /** When the credential, or else the bearer tokens made from it, are renewed next. */
        private static String nextRefresh(CredentialLease lease, CredentialState state) {
            if (lease.peek().isAnonymous()) {
                return "";
            }
            if (lease.refreshAt().isPresent()) {
                return lease.refreshAt().get() + " (" + lease.policy().describe() + ")";
            }
            String tokens = "bearer tokens made from it are renewed at "
                    + Math.round(io.stella.registry.auth.RefreshPolicy.DEFAULT_FRACTION * 100) + "% of their lifetime";
            if (state.tokenIssued() != null && state.tokenExpires() != null) {
                long lifetime = java.time.Duration.between(state.tokenIssued(), state.tokenExpires()).toMillis();
                tokens += " (the last one at " + state.tokenIssued().plusMillis(
                        (long) (lifetime * io.stella.registry.auth.RefreshPolicy.DEFAULT_FRACTION)) + ")";
            }
            return "the credential itself needs none; " + tokens;
        }

        private void print(Map<String, String> fields) {
            if (output.json()) {
                ObjectNode root = Json.MAPPER.createObjectNode();
                fields.forEach(root::put);
                Json.print(root, context.out());
                return;
            }
            fields.forEach((k, v) -> context.out().printf("%-13s %s%n", k + ":", v.isEmpty() ? "-" : v));
            context.out().flush();
        }
    }
}
