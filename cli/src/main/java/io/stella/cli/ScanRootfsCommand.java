package io.stella.cli;

import io.stella.image.ImageSource;
import io.stella.image.LayerLimits;
import io.stella.image.source.ImageSources;
import io.stella.inventory.analysis.ImageAnalyzer;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "rootfs", mixinStandardHelpOptions = true,
        description = {"Scan a root file system (a directory, or a tar(.gz) of one) for known vulnerabilities."})
final class ScanRootfsCommand implements Callable<Integer> {
    private final Context context;

    @Mixin
    VulnerabilityOptions options;

    @Parameters(index = "0", paramLabel = "PATH", description = "directory or tar(.gz) of a root file system")
    String path;

    ScanRootfsCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        RegistryAccess access = new RegistryAccess(context, new CommonOptions(), options.json());
        try {
            return new VulnerabilityScanRun(context, options, access, Clock.systemUTC()).run(() -> {
                try (ImageSource source = ImageSources.openRootfs(path, LayerLimits.DEFAULT)) {
                    return ImageAnalyzer.withInstalledAnalyzers(options.analysisOptions()).analyze(source);
                }
            });
        } catch (RegistryException e) {
            return access.fail(e);
        } catch (IOException e) {
            return Failures.io(context, e);
        }
    }
}
