package io.stella.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "stella", mixinStandardHelpOptions = true, version = "stella 0.1.0",
        description = "Container-registry vulnerability scanner that tells you why a scan failed.",
        subcommands = {StellaCommand.Scan.class, StellaCommand.Registry.class})
final class StellaCommand extends StellaCommand.Group {

    /** A command that only groups subcommands: run alone, it says so and shows its usage. */
    abstract static class Group implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getErr().println("INVALID_USAGE: '" + spec.qualifiedName() + "' needs a subcommand.");
            spec.commandLine().usage(spec.commandLine().getErr());
            return ExitCodes.USAGE;
        }
    }

    @Command(name = "scan", mixinStandardHelpOptions = true, description = "Scan images.",
            subcommands = ScanImageCommand.class)
    static final class Scan extends Group {
    }

    @Command(name = "registry", mixinStandardHelpOptions = true, description = "Work with registries.",
            subcommands = RegistryTestCommand.class)
    static final class Registry extends Group {
    }
}
