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
        return fallback.create(cls);
    }
}
