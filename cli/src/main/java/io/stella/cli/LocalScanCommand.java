package io.stella.cli;

import io.stella.inventory.Inventory;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A vulnerability scan of something on this machine (a root file system, an SBOM): no registry involved. */
abstract class LocalScanCommand implements Callable<Integer> {
    private final Context context;

    @Mixin
    VulnerabilityOptions options;

    @Option(names = "--config", paramLabel = "FILE",
            description = "stella config file (default: $STELLA_HOME/config.yaml, STELLA_HOME=~/.stella)")
    Path config;

    LocalScanCommand(Context context) {
        this.context = context;
    }

    /** The inventory to match; called after the database is open. */
    abstract Inventory analyse() throws IOException;

    @Override
    public final Integer call() {
        CommonOptions common = new CommonOptions();
        common.config = config;
        RegistryAccess access = new RegistryAccess(context, common, options.json());
        try {
            return new VulnerabilityScanRun(context, options, access, Clock.systemUTC()).run(this::analyse);
        } catch (RegistryException e) {
            return access.fail(e);
        } catch (IOException e) {
            return Failures.io(context, e);
        }
    }
}
