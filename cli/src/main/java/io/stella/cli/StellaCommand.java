package io.stella.cli;

import picocli.CommandLine.Command;

@Command(name = "stella", mixinStandardHelpOptions = true, version = "stella 0.1.0",
        description = "Container-registry vulnerability scanner that tells you why a scan failed.",
        subcommands = {StellaCommand.Scan.class, StellaCommand.Registry.class})
final class StellaCommand implements java.util.concurrent.Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return missingSubcommand(spec);
    }

    static int missingSubcommand(picocli.CommandLine.Model.CommandSpec spec) {
        spec.commandLine().getErr().println("INVALID_USAGE: '" + spec.qualifiedName() + "' needs a subcommand.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    @Command(name = "scan", mixinStandardHelpOptions = true, description = "Scan images.",
            subcommands = ScanImageCommand.class)
    static final class Scan implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return missingSubcommand(spec);
        }
    }

    @Command(name = "registry", mixinStandardHelpOptions = true, description = "Work with registries.",
            subcommands = RegistryTestCommand.class)
    static final class Registry implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return missingSubcommand(spec);
        }
    }
}
