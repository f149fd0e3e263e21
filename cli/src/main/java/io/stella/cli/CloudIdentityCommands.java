package io.stella.cli;

import io.stella.registry.config.RegistryConfig;
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
 * use instead. The cloud credential providers that answer them for ECR, GAR/GCR and ACR are not part of this
 * build yet, and the commands say that too instead of printing a result they cannot know.
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
            throw RegistryException.builder(FailureCode.COMMAND_NOT_APPLICABLE, "stella registry " + command + " for "
                            + type + " registries needs the " + type + " credential provider, which this build of stella "
                            + "does not have yet")
                    .hint("Until it lands, check the identity with the cloud's own CLI (e.g. aws sts get-caller-identity, "
                            + "gcloud auth list, az account show); stella registry test " + registry.url().text()
                            + " shows whether the registry accepts the credentials stella has.")
                    .registry(registry.hostKey()).build();
        } catch (RegistryException e) {
            return access.fail(e);
        }
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
