package io.stella.bench;

import io.stella.registry.ImageReference;
import io.stella.registry.Secret;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.CredentialOrigin;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.client.Endpoint;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.client.ResolvedImage;
import io.stella.registry.http.TlsSettings;
import io.stella.registry.manifest.Descriptor;
import io.stella.testing.LocalRegistry;
import io.stella.testing.PushAuth;
import io.stella.testing.Skopeo;
import io.stella.testing.TestCa;
import io.stella.testing.TestImages;
import io.stella.testing.TokenService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * stella against skopeo, in the same run, on the same real registry (token auth over HTTPS with a
 * test CA, Harbor-like token service): a dry-run (auth + manifest + config + layer HEADs) against
 * {@code skopeo inspect}, and pulling every layer (streamed, digest-verified, discarded) against
 * {@code skopeo copy docker://… dir:}. Prints medians, ratios, token requests per operation and
 * stella's heap after the pull.
 *
 * <p>Arguments: {@code [layerMiB=64] [runs=5]}.
 */
public final class RegistryPullBenchmark {
    private static final String PASSWORD = "bench-pw";

    public static void main(String[] args) throws Exception {
        long layerMiB = args.length > 0 ? Long.parseLong(args[0]) : 64;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path work = Files.createTempDirectory("stella-bench");
        TestCa ca = TestCa.create();
        try (TokenService tokens = TokenService.builder(ca).user("bench", PASSWORD).grant("bench", "*", "pull", "push")
                .ttl(Duration.ofMinutes(5)).start();
             LocalRegistry registry = LocalRegistry.builder().token(tokens)
                     .tls(ca.issueServer(List.of("127.0.0.1")), ca).start()) {
            Path layout = TestImages.singleArch(work.resolve("img"), "linux", "amd64", null, layerMiB << 20);
            Skopeo.copy(Skopeo.oci(layout), registry, "bench/app:1.0", PushAuth.of("bench", PASSWORD), false);
            Path caPem = ca.writeCaPem(work);
            ImageReference ref = ImageReference.parse(registry.host() + "/bench/app:1.0");
            String skopeoRef = "docker://" + registry.host() + "/bench/app:1.0";
            List<String> skopeoTls = List.of("--cert-dir", registry.caCertDir().toString());

            System.out.printf(Locale.ROOT, "registry pull benchmark: one image, one layer of %d MiB (incompressible), %d runs each%n",
                    layerMiB, runs);
            Measured stellaDry = measure(runs, tokens, () -> dryRun(ref, caPem));
            Measured skopeoInspect = measure(runs, tokens, () -> run(work, concat(List.of("skopeo", "inspect", "--creds",
                    "bench:" + PASSWORD), skopeoTls, List.of(skopeoRef))));
            Measured stellaPull = measure(runs, tokens, () -> pull(ref, caPem));
            long heapAfterPull = usedHeapMiB();
            Measured skopeoCopy = measure(runs, tokens, () -> {
                Path dir = Files.createTempDirectory(work, "dir");
                run(work, concat(List.of("skopeo", "copy", "--quiet", "--src-creds", "bench:" + PASSWORD, "--src-cert-dir",
                        registry.caCertDir().toString()), List.of(), List.of(skopeoRef, "dir:" + dir)));
                deleteTree(dir);
            });

            print("dry-run vs skopeo inspect", stellaDry, skopeoInspect);
            print("pull all layers vs skopeo copy to dir:", stellaPull, skopeoCopy);
            System.out.printf(Locale.ROOT, "stella heap in use after pulling %d MiB: %d MiB (layers are streamed, never buffered)%n",
                    layerMiB, heapAfterPull);
        } finally {
            deleteTree(work);
        }
    }

    private static ResolvedCredential credential() {
        return new ResolvedCredential(new Credential.UsernamePassword("bench", Secret.of(PASSWORD)),
                new CredentialOrigin("explicit", "benchmark"));
    }

    private static RegistryClient client(ImageReference ref, Path caPem) {
        return RegistryClient.builder(Endpoint.forImage(ref, false)).credential(credential())
                .tls(new TlsSettings(List.of(caPem), false)).environment(Map.of()).build();
    }

    private static void dryRun(ImageReference ref, Path caPem) {
        RegistryClient c = client(ref, caPem);
        ResolvedImage image = c.resolve(ref, Optional.empty());
        for (Descriptor layer : image.manifest().layers()) {
            c.headBlob(ref.repository(), layer.digest());
        }
    }

    private static void pull(ImageReference ref, Path caPem) throws IOException {
        RegistryClient c = client(ref, caPem);
        ResolvedImage image = c.resolve(ref, Optional.empty());
        for (Descriptor layer : image.manifest().layers()) {
            try (InputStream in = c.openBlob(ref.repository(), layer)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }
    }

    private record Measured(double medianMillis, double tokenRequestsPerRun) {
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    private static Measured measure(int runs, TokenService tokens, Action action) throws Exception {
        action.run(); // warm-up: JIT, connection setup, page cache
        List<Double> millis = new ArrayList<>();
        int before = tokens.tokenRequests();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            action.run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return new Measured(millis.get(millis.size() / 2), (tokens.tokenRequests() - before) / (double) runs);
    }

    private static void print(String what, Measured stella, Measured peer) {
        System.out.printf(Locale.ROOT, "%-40s stella %8.1f ms  skopeo %8.1f ms  time ratio stella/skopeo %.2f%n",
                what, stella.medianMillis(), peer.medianMillis(), stella.medianMillis() / peer.medianMillis());
        System.out.printf(Locale.ROOT, "%-40s token requests per run: stella %.1f  skopeo %.1f%n", "",
                stella.tokenRequestsPerRun(), peer.tokenRequestsPerRun());
    }

    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command.stream()
                    .map(s -> s.contains(PASSWORD) ? "<creds>" : s).toList()));
        }
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        all.addAll(c);
        return all;
    }

    private static long usedHeapMiB() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
