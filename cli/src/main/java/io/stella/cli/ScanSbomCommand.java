package io.stella.cli;

import io.stella.inventory.Inventory;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "sbom", mixinStandardHelpOptions = true,
        description = {"Scan the components of an SBOM (CycloneDX JSON 1.4-1.6 or SPDX 2.3 JSON) by their purls."})
final class ScanSbomCommand extends LocalScanCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "CycloneDX or SPDX JSON document")
    Path file;

    ScanSbomCommand(Context context) {
        super(context);
    }

    @Override
    Inventory analyse() throws IOException {
        return SbomInput.read(file);
    }
}
