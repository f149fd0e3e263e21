package io.stella.cli;

import picocli.CommandLine;

/** Creates commands with the {@link Context} handed to their constructor; no reflection beyond picocli's. */
final class ContextFactory implements CommandLine.IFactory {
    private final Context context;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    ContextFactory(Context context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        if (cls == ScanImageCommand.class) {
            return cls.cast(new ScanImageCommand(context));
        }
        if (cls == ScanRegistryCommand.class) {
            return cls.cast(new ScanRegistryCommand(context));
        }
        if (cls == SbomGenerateCommand.class) {
            return cls.cast(new SbomGenerateCommand(context));
        }
        if (cls == ScanRootfsCommand.class) {
            return cls.cast(new ScanRootfsCommand(context));
        }
        if (cls == ScanSbomCommand.class) {
            return cls.cast(new ScanSbomCommand(context));
        }
        if (cls == DbCommand.class) {
            return cls.cast(new DbCommand(context));
        }
        if (cls == CloudIdentityCommands.IamStatus.class) {
            return cls.cast(new CloudIdentityCommands.IamStatus(context));
        }
        if (cls == CloudIdentityCommands.IamVerify.class) {
            return cls.cast(new CloudIdentityCommands.IamVerify(context));
        }
        if (cls == CloudIdentityCommands.OidcVerify.class) {
            return cls.cast(new CloudIdentityCommands.OidcVerify(context));
        }
        if (cls == RegistryTestCommand.class) {
            return cls.cast(new RegistryTestCommand(context));
        }
        if (cls == DoctorCommand.class) {
            return cls.cast(new DoctorCommand(context));
        }
        if (cls == ScannerLogsCommand.class) {
            return cls.cast(new ScannerLogsCommand(context));
        }
        if (cls == RegistryListCommand.class) {
            return cls.cast(new RegistryListCommand(context));
        }
        if (cls == RegistryConfigureCommand.class) {
            return cls.cast(new RegistryConfigureCommand(context));
        }
        if (cls == RegistryRemoveCommand.class) {
            return cls.cast(new RegistryRemoveCommand(context));
        }
        if (cls == RegistryConfigCommand.Set.class) {
            return cls.cast(new RegistryConfigCommand.Set(context));
        }
        if (cls == RegistryConfigCommand.Get.class) {
            return cls.cast(new RegistryConfigCommand.Get(context));
        }
        if (cls == RegistryCredentialsCommand.Show.class) {
            return cls.cast(new RegistryCredentialsCommand.Show(context));
        }
        if (cls == RegistryUpdateCredentialsCommand.class) {
            return cls.cast(new RegistryUpdateCredentialsCommand(context));
        }
        if (cls == RegistryRefreshCredentialsCommand.class) {
            return cls.cast(new RegistryRefreshCredentialsCommand(context));
        }
        return fallback.create(cls);
    }
}
