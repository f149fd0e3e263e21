package io.stella.cli;

import io.stella.registry.failure.RegistryException;
import io.stella.scan.sbom.SbomInventoryReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "sbom", mixinStandardHelpOptions = true,
        description = {"Scan the components of an SBOM (CycloneDX JSON 1.4-1.6 or SPDX 2.3 JSON) by their purls."})
final class ScanSbomCommand implements Callable<Integer> {
    private final Context context;

    @Mixin
    VulnerabilityOptions options;

    @Parameters(index = "0", paramLabel = "FILE", description = "CycloneDX or SPDX JSON document")
    Path file;

    ScanSbomCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        RegistryAccess access = new RegistryAccess(context, new CommonOptions(), options.json());
        try {
            return new VulnerabilityScanRun(context, options, access, Clock.systemUTC())
                    .run(() -> SbomInput.read(file));
        } catch (RegistryException e) {
            return access.fail(e);
        } catch (IOException e) {
            return Failures.io(context, e);
        }
    }
}
