package io.stella.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stella.cli.output.Json;
import io.stella.registry.auth.ResolvedCredential;
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
                ResolvedCredential resolved = access.configuredResolver(config).resolve(registry.hostKey());
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("registry", registry.name() + " (" + registry.url() + ")");
                fields.put("source", resolved.origin().toString());
                boolean cloudPending = resolved.isAnonymous() && RegistryPreset.isCloud(registry.type());
                fields.put("type", cloudPending ? "cloud" : CredentialDescription.type(resolved));
                fields.put("username", CredentialDescription.usernameOf(resolved.credential()));
                String secret = CredentialDescription.secretOf(resolved.credential());
                fields.put("secret", secret.isEmpty() ? "" : CredentialDescription.mask(secret));
                fields.put("issued", "not recorded");
                fields.put("expires", resolved.expiresAt().map(Object::toString).orElse(
                        "not known offline (tokens: see 'stella registry refresh-credentials " + name + "')"));
                fields.put("auto_refresh", registry.autoRefresh() == null ? "not set"
                        : registry.autoRefresh() + (registry.refreshInterval() == null ? "" : " every " + registry.refreshInterval()));
                fields.put("last_refresh", "not recorded");
                fields.put("last_failure", "not recorded");
                if (cloudPending) {
                    fields.put("note", "cloud-provider credentials are completed with the cloud-provider issue");
                }
                print(fields);
                return ExitCodes.OK;
            } catch (RegistryException e) {
                return access.fail(e);
            }
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
