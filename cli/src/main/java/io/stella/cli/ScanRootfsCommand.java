package io.stella.cli;

import io.stella.image.ImageSource;
import io.stella.image.LayerLimits;
import io.stella.image.source.ImageSources;
import io.stella.inventory.Inventory;
import io.stella.inventory.analysis.ImageAnalyzer;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "rootfs", mixinStandardHelpOptions = true,
        description = {"Scan a root file system (a directory, or a tar(.gz) of one) for known vulnerabilities."})
final class ScanRootfsCommand extends LocalScanCommand {
    @Parameters(index = "0", paramLabel = "PATH", description = "directory or tar(.gz) of a root file system")
    String path;

    ScanRootfsCommand(Context context) {
        super(context);
    }

    @Override
    Inventory analyse() throws IOException {
        try (ImageSource source = ImageSources.openRootfs(path, LayerLimits.DEFAULT)) {
            return ImageAnalyzer.withInstalledAnalyzers(options.analysisOptions()).analyze(source);
        }
    }
}
