package io.stella.bench;

import io.stella.registry.ImageReference;
import io.stella.registry.Secret;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.CredentialOrigin;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.client.Endpoint;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.http.TlsSettings;
import io.stella.registry.trace.Trace;
import io.stella.testing.LocalRegistry;
import io.stella.testing.PushAuth;
import io.stella.testing.Skopeo;
import io.stella.testing.TestCa;
import io.stella.testing.TestImages;
import io.stella.testing.TokenService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Prints where the time of one warm dry-run goes, step by step (a diagnostic, not a comparison). */
public final class DryRunTimeline {
    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("stella-timeline");
        TestCa ca = TestCa.create();
        try (TokenService tokens = TokenService.builder(ca).user("u", "p").grant("u", "*", "pull", "push").start();
             LocalRegistry registry = LocalRegistry.builder().token(tokens).tls(ca.issueServer(List.of("127.0.0.1")), ca).start()) {
            Skopeo.copy(Skopeo.oci(TestImages.singleArch(work.resolve("i"), "linux", "amd64", null, 1024)), registry,
                    "a/b:1", PushAuth.of("u", "p"), false);
            Path pem = ca.writeCaPem(work);
            ImageReference ref = ImageReference.parse(registry.host() + "/a/b:1");
            for (int i = 0; i < 6; i++) {
                Trace trace = new Trace(Clock.systemUTC());
                long start = System.nanoTime();
                long[] last = {start};
                trace.onEvent(e -> {
                    long now = System.nanoTime();
                    if (i(args)) {
                        System.out.printf("  +%6.1f ms %s%n", (now - last[0]) / 1e6, e.message());
                    }
                    last[0] = now;
                });
                RegistryClient c = RegistryClient.builder(Endpoint.forImage(ref, false))
                        .credential(new ResolvedCredential(new Credential.UsernamePassword("u", Secret.of("p")),
                                new CredentialOrigin("explicit", "t")))
                        .tls(new TlsSettings(List.of(pem), false)).environment(Map.of()).trace(trace).build();
                long built = System.nanoTime();
                var image = c.resolve(ref, Optional.empty());
                image.manifest().layers().forEach(l -> c.headBlob(ref.repository(), l.digest()));
                System.out.printf("run %d: build %.1f ms, total %.1f ms%n", i, (built - start) / 1e6, (System.nanoTime() - start) / 1e6);
            }
        }
    }

    private static boolean i(String[] args) {
        return args.length > 0;
    }
}
