package io.stella.cli;

import io.stella.registry.auth.provider.CredentialProvider;
import io.stella.registry.auth.provider.CredentialProviders;
import io.stella.registry.auth.provider.IdentityReport;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.config.RegistryConfig;
import java.nio.file.Path;
import java.time.Clock;
import io.stella.registry.config.RegistryType;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The runbook's cloud identity commands ({@code iam-status}, {@code iam verify}, {@code oidc verify}). They apply
 * to registries whose credentials come from a cloud identity; for every other type they say so, and what to
 * use instead. The registry type's {@link CredentialProvider} answers them; a build without it says so instead
 * of printing a result it cannot know. Exit 0 when every check passes, 3 when one fails, 10 for warnings.
 */
final class CloudIdentityCommands {
    private static final Set<RegistryType> IAM = Set.of(RegistryType.ECR, RegistryType.GAR, RegistryType.GCR,
            RegistryType.ACR);
    private static final Set<RegistryType> OIDC = Set.of(RegistryType.GAR, RegistryType.GCR, RegistryType.ACR,
            RegistryType.ECR);

    private CloudIdentityCommands() {
    }

    /** Runs one of the commands for a registry of the config. */
    static int run(Context context, CommonOptions options, String command, String name, Set<RegistryType> appliesTo) {
        RegistryAccess access = new RegistryAccess(context, options, false);
        try {
            RegistryConfig registry = ScanRegistryCommand.find(access.loadConfig(), name);
            String type = registry.type().name().toLowerCase(Locale.ROOT);
            if (!appliesTo.contains(registry.type())) {
                throw RegistryException.builder(FailureCode.COMMAND_NOT_APPLICABLE, "stella registry " + command
                                + " does not apply to " + registry.name() + ": it is a " + type
                                + " registry, which authenticates with its own users, robot accounts or tokens, not a "
                                + "cloud identity")
                        .hint("It applies to " + names(appliesTo) + " registries. For this one, see stella registry test "
                                + registry.url().text() + " --verbose and stella doctor --check check.scanner.registry-auth.")
                        .registry(registry.hostKey()).build();
            }
            CredentialProviders providers = CredentialProviders.installed();
            CredentialProvider provider = providers.forRegistry(registry).orElseThrow(() ->
                    RegistryException.builder(FailureCode.COMMAND_NOT_APPLICABLE, "stella registry " + command + " for "
                                    + type + " registries needs the " + type + " credential provider, which this build of "
                                    + "stella does not have")
                            .hint("Use a stella build with the provider module for " + type + "; meanwhile check the "
                                    + "identity with the cloud's own CLI (aws sts get-caller-identity, gcloud auth list, "
                                    + "az account show).")
                            .registry(registry.hostKey()).build());
            Path home = Path.of(context.env().getOrDefault("HOME", System.getProperty("user.home")));
            ProviderContext providerContext = new ProviderContext(registry, context.env(), home, Clock.systemUTC());
            IdentityReport report = switch (command) {
                case "iam-status" -> provider.identity(providerContext);
                case "iam verify" -> provider.verify(providerContext);
                default -> provider.federation(providerContext);
            };
            print(context, registry, provider, command, report);
            if (report.worst() == IdentityReport.Status.FAIL) {
                return ExitCodes.AUTH;
            }
            return report.worst() == IdentityReport.Status.WARN ? ExitCodes.DOCTOR_WARN : ExitCodes.OK;
        } catch (RegistryException e) {
            return access.fail(e);
        }
    }

    private static void print(Context context, RegistryConfig registry, CredentialProvider provider, String command,
                              IdentityReport report) {
        var out = context.out();
        out.println(command + " for " + registry.name() + " (" + registry.url().text() + ", provider "
                + provider.name() + ")");
        int width = report.facts().stream().mapToInt(f -> f.name().length()).max().orElse(0);
        for (IdentityReport.Fact fact : report.facts()) {
            out.printf("  %-" + width + "s  %s%n", fact.name(), fact.value());
        }
        if (!report.checks().isEmpty()) {
            out.println();
            int nameWidth = report.checks().stream().mapToInt(c -> c.name().length()).max().orElse(0);
            for (IdentityReport.Check check : report.checks()) {
                out.printf("  %-4s  %-" + nameWidth + "s  %s%n", check.status(), check.name(), check.detail());
            }
            out.println();
            out.println("Result: " + report.worst());
        }
        out.flush();
    }

    private static String names(Set<RegistryType> types) {
        return types.stream().map(t -> t.name().toLowerCase(Locale.ROOT)).sorted()
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** One of the commands: what it is called and which registry types it applies to. */
    abstract static class CloudIdentityCommand implements Callable<Integer> {
        private final Context context;
        @Mixin
        CommonOptions options;
        @Parameters(paramLabel = "NAME", description = "the registry's name in the config")
        String name;

        CloudIdentityCommand(Context context) {
            this.context = context;
        }

        abstract String command();

        abstract Set<RegistryType> appliesTo();

        @Override
        public Integer call() {
            return run(context, options, command(), name, appliesTo());
        }
    }

    @Command(name = "iam-status", mixinStandardHelpOptions = true,
            description = "Cloud registries: the caller identity, the roles assumed and the registry actions allowed.")
    static final class IamStatus extends CloudIdentityCommand {
        IamStatus(Context context) {
            super(context);
        }

        @Override
        String command() {
            return "iam-status";
        }

        @Override
        Set<RegistryType> appliesTo() {
            return IAM;
        }
    }

    @Command(name = "iam", mixinStandardHelpOptions = true, description = "Cloud registry identities.",
            subcommands = IamVerify.class)
    static final class Iam extends GroupCommand {
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Cloud registries: check that the identity may call what scans need.")
    static final class IamVerify extends CloudIdentityCommand {
        IamVerify(Context context) {
            super(context);
        }

        @Override
        String command() {
            return "iam verify";
        }

        @Override
        Set<RegistryType> appliesTo() {
            return IAM;
        }
    }

    @Command(name = "oidc", mixinStandardHelpOptions = true, description = "Workload identity federation.",
            subcommands = OidcVerify.class)
    static final class Oidc extends GroupCommand {
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Cloud registries: explain and check the workload identity federation chain.")
    static final class OidcVerify extends CloudIdentityCommand {
        OidcVerify(Context context) {
            super(context);
        }

        @Override
        String command() {
            return "oidc verify";
        }

        @Override
        Set<RegistryType> appliesTo() {
            return OIDC;
        }
    }
}
