package io.stella.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stella.cli.output.Json;
import io.stella.cli.output.Sizes;
import io.stella.registry.ImageReference;
import io.stella.registry.Platform;
import io.stella.registry.auth.BearerToken;
import io.stella.registry.auth.Scope;
import io.stella.registry.client.Endpoint;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.client.ResolvedImage;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.manifest.Descriptor;
import io.stella.image.ImageSource;
import io.stella.image.LayerLimits;
import io.stella.image.source.ImageSources;
import io.stella.image.source.RegistryImageSource;
import io.stella.inventory.analysis.ImageAnalyzer;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "image", mixinStandardHelpOptions = true,
        description = {"Scan one image for known vulnerabilities: from a registry (REF or --image), or from a docker "
                + "save archive or OCI layout (--input).",
                "With --dry-run: resolve credentials, authenticate, resolve the manifest and platform, and check "
                        + "that every layer blob is there (HEAD), without downloading layers."})
final class ScanImageCommand implements Callable<Integer> {
    private final Context context;

    @Mixin
    CommonOptions options;

    @Mixin
    VulnerabilityOptions scan;

    @Option(names = {"-i", "--image"}, paramLabel = "REF", description = "image reference, e.g. registry.example.com/team/app:1.2")
    String imageOption;

    @Parameters(arity = "0..1", paramLabel = "REF", description = "image reference (instead of --image)")
    String imageParameter;

    @Option(names = "--input", paramLabel = "PATH",
            description = "docker save archive (tar or tar.gz) or OCI layout directory (DIR or DIR:REFNAME) instead of a registry")
    String input;

    @Option(names = "--dry-run", description = "check access to the image without scanning it (formats table, json)")
    boolean dryRun;

    ScanImageCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        RegistryAccess access = new RegistryAccess(context, options, scan.json());
        try {
            if (!dryRun) {
                return scanContents(access);
            }
            if (!scan.format.equals("table") && !scan.json()) {
                throw RegistryException.builder(FailureCode.CONFIG_INVALID,
                        "--dry-run prints table or json, not " + scan.format).hint("Use --format table or --format json.").build();
            }
            ImageReference ref = ImageReference.parse(imageText());
            Optional<Platform> platform = Optional.ofNullable(options.platform).map(Platform::parse);
            return dryRun(access, ref, platform);
        } catch (RegistryException e) {
            return access.fail(e);
        } catch (IOException e) {
            return Failures.io(context, e);
        }
    }

    private int scanContents(RegistryAccess access) throws IOException {
        Optional<Platform> platform = Optional.ofNullable(options.platform).map(Platform::parse);
        if (input != null && (imageOption != null || imageParameter != null)) {
            throw RegistryException.builder(FailureCode.CONFIG_INVALID, "both an image reference and --input given")
                    .hint("Scan either a registry image (REF) or an archive/layout (--input PATH).").build();
        }
        ImageReference ref = input == null ? ImageReference.parse(imageText()) : null;
        return new VulnerabilityScanRun(context, scan, access, Clock.systemUTC()).run(() -> {
            ImageSource source = ref == null ? ImageSources.openInput(input, platform, LayerLimits.DEFAULT)
                    : new RegistryImageSource(access.clientFor(Endpoint.forImage(ref, options.insecureSkipVerify),
                    Optional.of(ref.registry())), ref, platform, LayerLimits.DEFAULT);
            if (ref != null) {
                access.authenticated(ref.registry());
            }
            try (source) {
                return ImageAnalyzer.withInstalledAnalyzers(scan.analysisOptions()).analyze(source);
            }
        });
    }

    private int dryRun(RegistryAccess access, ImageReference ref, Optional<Platform> platform) {
        RegistryClient client = access.clientFor(Endpoint.forImage(ref, options.insecureSkipVerify), Optional.of(ref.registry()));
        ResolvedImage image = client.resolve(ref, platform);
        access.authenticated(ref.registry());
        List<LayerCheck> layers = new ArrayList<>();
        for (Descriptor layer : image.manifest().layers()) {
            if (!layer.urls().isEmpty() && isForeign(layer)) {
                layers.add(new LayerCheck(layer, OptionalLong.empty(), "foreign (not distributable): skipped"));
                continue;
            }
            OptionalLong size = client.headBlob(ref.repository(), layer.digest());
            if (size.isPresent() && size.getAsLong() != layer.size()) {
                throw RegistryException.builder(FailureCode.DIGEST_MISMATCH,
                                "layer " + layer.digest() + " is " + size.getAsLong() + " bytes at the registry but "
                                        + layer.size() + " in the manifest")
                        .registry(ref.registry()).repository(ref.repository())
                        .evidence("digest", layer.digest()).build();
            }
            layers.add(new LayerCheck(layer, size, "present"));
        }
        Optional<BearerToken> token = client.session().authScheme().equals("bearer")
                && !(client.session().credential().credential() instanceof io.stella.registry.auth.Credential.RegistryToken)
                ? client.session().tokenFor(Optional.of(Scope.pull(ref.repository()))) : Optional.empty();
        if (scan.json()) {
            Json.print(json(ref, image, layers, client, token), context.out());
        } else {
            printTable(context.out(), ref, image, layers, client, token);
        }
        return ExitCodes.OK;
    }

    private static boolean isForeign(Descriptor layer) {
        return layer.mediaType() != null && (layer.mediaType().contains("foreign") || layer.mediaType().contains("nondistributable"));
    }

    private String imageText() {
        if (imageOption != null && imageParameter != null && !imageOption.equals(imageParameter)) {
            throw RegistryException.builder(FailureCode.INVALID_REFERENCE,
                    "two different images given: --image " + imageOption + " and " + imageParameter)
                    .hint("Give the image once, either as --image REF or as the argument.").build();
        }
        String text = imageOption != null ? imageOption : imageParameter;
        if (text == null) {
            throw RegistryException.builder(FailureCode.INVALID_REFERENCE, "no image given")
                    .hint("Name the image: stella scan image registry.example.com/team/app:1.2, or scan an archive with --input PATH.").build();
        }
        return text;
    }

    private record LayerCheck(Descriptor layer, OptionalLong registrySize, String status) {
    }

    private void printTable(PrintWriter out, ImageReference ref, ResolvedImage image, List<LayerCheck> layers,
                            RegistryClient client, Optional<BearerToken> token) {
        long total = image.manifest().totalLayerSize();
        out.printf("%-18s %s%n", "Image:", ref);
        out.printf("%-18s %s (%s)%n", "Registry:", ref.registry(), client.ping().base());
        out.printf("%-18s %s%n", "Repository:", ref.repository());
        image.index().ifPresent(index -> out.printf("%-18s %s (%d entries)%n", "Index digest:", index.digest(),
                index.manifests().size()));
        out.printf("%-18s %s%n", "Manifest digest:", image.manifest().digest());
        out.printf("%-18s %s%n", "Media type:", image.manifest().mediaType());
        out.printf("%-18s %s%n", "Platform:", image.platform());
        out.printf("%-18s %d (%s compressed)%n", "Layers:", layers.size(), Sizes.human(total));
        for (LayerCheck l : layers) {
            out.printf("  %s  %10s  %s%n", l.layer().digest(), Sizes.human(l.layer().size()), l.status());
        }
        out.printf("%-18s %s%n", "Auth method:", client.session().authScheme());
        out.printf("%-18s %s%n", "Credential source:", client.session().credential().origin());
        var lease = client.session().lease();
        if (!lease.peek().isAnonymous()) {
            out.printf("%-18s %s%s%n", "Credential expiry:", lease.expiresAt().map(Object::toString)
                    .orElse("none known (a static credential)"), lease.refreshAt().map(at -> "; renewed at " + at)
                    .orElse(""));
        }
        token.ifPresent(t -> out.printf("%-18s %d s (expires %s)%n", "Token lifetime:", t.lifetime().toSeconds(), t.expiresAt()));
        out.printf("%-18s %d%n", "Token requests:", client.tokenRequests());
        client.rateLimit().ifPresent(limit -> out.printf("%-18s %s%n", "Rate limit:", limit.describe()));
        out.println("Result: OK (dry run: credentials, manifest and all layer blobs are accessible)");
        out.flush();
    }

    private ObjectNode json(ImageReference ref, ResolvedImage image, List<LayerCheck> layers, RegistryClient client,
                            Optional<BearerToken> token) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("status", "ok");
        root.put("dry_run", true);
        root.put("image", ref.toString());
        root.put("registry", ref.registry());
        root.put("api", client.ping().base().toString());
        root.put("repository", ref.repository());
        root.put("reference", ref.manifestReference());
        image.index().ifPresent(index -> root.put("index_digest", index.digest()));
        root.put("manifest_digest", image.manifest().digest());
        root.put("media_type", image.manifest().mediaType());
        root.put("platform", image.platform().toString());
        root.put("layer_count", layers.size());
        root.put("total_size", image.manifest().totalLayerSize());
        ArrayNode array = root.putArray("layers");
        for (LayerCheck l : layers) {
            ObjectNode node = array.addObject();
            node.put("digest", l.layer().digest());
            node.put("size", l.layer().size());
            node.put("media_type", l.layer().mediaType());
            node.put("status", l.status());
        }
        ObjectNode auth = root.putObject("auth");
        auth.put("method", client.session().authScheme());
        auth.put("credential_source", client.session().credential().origin().toString());
        auth.put("credential_kind", client.session().credential().credential().kind());
        client.session().lease().expiresAt().ifPresent(at -> auth.put("credential_expires_at", at.toString()));
        client.session().lease().refreshAt().ifPresent(at -> auth.put("credential_refresh_at", at.toString()));
        token.ifPresent(t -> {
            auth.put("token_lifetime_seconds", t.lifetime().toSeconds());
            auth.put("token_expires_at", t.expiresAt().toString());
        });
        auth.put("token_requests", client.tokenRequests());
        client.rateLimit().ifPresent(limit -> {
            ObjectNode rate = root.putObject("rate_limit");
            rate.put("limit", limit.limit());
            rate.put("remaining", limit.remaining());
            limit.window().ifPresent(w -> rate.put("window_seconds", w.toSeconds()));
            limit.source().ifPresent(source -> rate.put("source", source));
        });
        return root;
    }
}
