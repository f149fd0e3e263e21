package io.stella.cli;

import io.stella.cli.output.AtomicOutput;
import io.stella.image.ImageSource;
import io.stella.image.LayerLimits;
import io.stella.image.source.ImageSources;
import io.stella.image.source.RegistryImageSource;
import io.stella.inventory.AnalysisWarning;
import io.stella.inventory.Inventory;
import io.stella.inventory.analysis.AnalysisOptions;
import io.stella.inventory.analysis.ImageAnalyzer;
import io.stella.inventory.sbom.SbomFormat;
import io.stella.inventory.sbom.SbomWriters;
import io.stella.registry.ImageReference;
import io.stella.registry.Platform;
import io.stella.registry.client.Endpoint;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write the software bill of materials of an image, an image archive or a root file system.",
                "Give exactly one of --image (or REF), --input, --rootfs."})
final class SbomGenerateCommand implements Callable<Integer> {
    private final Context context;

    @Mixin
    CommonOptions options;

    @Option(names = {"-i", "--image"}, paramLabel = "REF", description = "image in a registry")
    String image;

    @Parameters(arity = "0..1", paramLabel = "REF", description = "image in a registry (instead of --image)")
    String imageParameter;

    @Option(names = "--input", paramLabel = "PATH",
            description = "docker save archive (tar or tar.gz) or OCI layout directory (DIR or DIR:REFNAME)")
    String input;

    @Option(names = "--rootfs", paramLabel = "PATH", description = "root file system: a directory or a tar(.gz)")
    String rootfs;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "cyclonedx-json",
            description = "cyclonedx-json (CycloneDX 1.6) or spdx-json (SPDX 2.3); default ${DEFAULT-VALUE}")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write here instead of standard output")
    Path output;

    @Option(names = "--max-file-size", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "largest file an analyzer reads, e.g. 128m (default), 1g")
    Long maxFileSize;

    SbomGenerateCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        RegistryAccess access = new RegistryAccess(context, options, false);
        try {
            SbomFormat sbomFormat = SbomFormat.fromId(format).orElseThrow(() -> RegistryException.builder(
                            FailureCode.CONFIG_INVALID, "unknown SBOM format '" + format + "'")
                    .hint("Use --format cyclonedx-json or --format spdx-json.").build());
            AnalysisOptions analysis = maxFileSize == null ? AnalysisOptions.DEFAULT : new AnalysisOptions(maxFileSize);
            Inventory inventory;
            try (ImageSource source = openSource(access)) {
                inventory = ImageAnalyzer.withInstalledAnalyzers(analysis).analyze(source);
            }
            write(inventory, sbomFormat);
            for (AnalysisWarning warning : inventory.warnings()) {
                context.err().println("warning: " + warning);
            }
            context.err().printf("%d packages%s written as %s%s%n", inventory.packages().size(),
                    inventory.os() == null ? "" : " (" + inventory.os().prettyName() + ")", sbomFormat.id(),
                    output == null ? "" : " to " + output);
            if (!inventory.complete()) {
                context.err().println("INCOMPLETE: part of the image could not be analysed (see the warnings); "
                        + "the SBOM lists what was seen, not everything the image holds");
                context.err().flush();
                return ExitCodes.INCOMPLETE;
            }
            context.err().flush();
            return ExitCodes.OK;
        } catch (RegistryException e) {
            return access.fail(e);
        } catch (IOException e) {
            context.err().println("error: " + e.getMessage());
            context.err().flush();
            return ExitCodes.FAILURE;
        }
    }

    private ImageSource openSource(RegistryAccess access) {
        String ref = image != null ? image : imageParameter;
        int given = (ref != null ? 1 : 0) + (input != null ? 1 : 0) + (rootfs != null ? 1 : 0);
        if (given != 1 || image != null && imageParameter != null) {
            throw RegistryException.builder(FailureCode.CONFIG_INVALID,
                            given == 0 ? "nothing to analyse" : "more than one thing to analyse")
                    .hint("Give exactly one of --image REF (or REF), --input ARCHIVE|LAYOUT, --rootfs DIR|TAR.").build();
        }
        Optional<Platform> platform = Optional.ofNullable(options.platform).map(Platform::parse);
        if (input != null) {
            return ImageSources.openInput(input, platform, LayerLimits.DEFAULT);
        }
        if (rootfs != null) {
            return ImageSources.openRootfs(rootfs, LayerLimits.DEFAULT);
        }
        ImageReference reference = ImageReference.parse(ref);
        RegistryClient client = access.clientFor(Endpoint.forImage(reference, options.insecureSkipVerify),
                Optional.of(reference.registry()));
        return new RegistryImageSource(client, reference, platform, LayerLimits.DEFAULT);
    }

    private void write(Inventory inventory, SbomFormat sbomFormat) throws IOException {
        var writer = SbomWriters.forFormat(sbomFormat, Clock.systemUTC(), UUID::randomUUID, StellaVersion.VERSION);
        AtomicOutput.write(output, context.out(), out -> writer.write(inventory, out));
    }
}
