package io.stella.cli;

import picocli.CommandLine.Command;

// The group base is a top-level class: a class cannot extend a class nested in itself (cyclic inheritance).
@Command(name = "stella", mixinStandardHelpOptions = true, version = "stella " + StellaVersion.VERSION,
        description = "Container-registry vulnerability scanner that tells you why a scan failed.",
        subcommands = {StellaCommand.Scan.class, StellaCommand.Sbom.class, StellaCommand.Registry.class,
                DbCommand.class, DoctorCommand.class, StellaCommand.Scanner.class})
final class StellaCommand extends GroupCommand {

    @Command(name = "scan", mixinStandardHelpOptions = true,
            description = "Scan images, root file systems and SBOMs for known vulnerabilities.",
            subcommands = {ScanImageCommand.class, ScanRegistryCommand.class, ScanRootfsCommand.class, ScanSbomCommand.class})
    static final class Scan extends GroupCommand {
    }

    @Command(name = "sbom", mixinStandardHelpOptions = true, description = "Software bills of materials.",
            subcommands = SbomGenerateCommand.class)
    static final class Sbom extends GroupCommand {
    }

    @Command(name = "registry", mixinStandardHelpOptions = true, description = "Work with registries.",
            subcommands = {RegistryTestCommand.class, RegistryListCommand.class, RegistryConfigureCommand.class,
                    RegistryRemoveCommand.class, RegistryConfigCommand.class, RegistryCredentialsCommand.class,
                    RegistryUpdateCredentialsCommand.class, RegistryRefreshCredentialsCommand.class,
                    CloudIdentityCommands.IamStatus.class, CloudIdentityCommands.Iam.class, CloudIdentityCommands.Oidc.class})
    static final class Registry extends GroupCommand {
    }

    @Command(name = "scanner", mixinStandardHelpOptions = true, description = "Operate the scanner itself: its logs.",
            subcommands = ScannerLogsCommand.class)
    static final class Scanner extends GroupCommand {
    }
}
