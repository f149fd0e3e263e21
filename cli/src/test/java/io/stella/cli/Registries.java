package io.stella.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.testing.LocalRegistry;
import io.stella.testing.PushAuth;
import io.stella.testing.RecordingServer;
import io.stella.testing.Skopeo;
import io.stella.testing.TestCa;
import io.stella.testing.TestImages;
import io.stella.testing.TokenService;
import io.stella.testing.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The registries every CLI integration test shares, started once per test JVM (closed when the whole run ends): an
 * anonymous HTTP registry, an htpasswd Basic HTTP registry whose blob GETs redirect to a {@link RecordingServer}, and a
 * token-auth HTTPS registry (certificate from a {@link TestCa}) with a {@link TokenService} that grants per project,
 * as Harbor does. Each holds the real alpine 3.11 image, a single-arch image and a three-platform index, pushed with
 * skopeo.
 *
 * <p>Use as {@code @ExtendWith(Registries.Shared.class)} and {@link #get()}.
 */
final class Registries implements ExtensionContext.Store.CloseableResource {

    static final String ALPINE = "library/alpine:3.11";
    static final String APP = "team/app:1.0";
    static final String MULTI = "team/multi:1.0";
    static final List<String> PLATFORMS = List.of("linux/amd64", "linux/arm64", "linux/arm/v7");
    /** Distinct from the TokenService default (5 min) so the lifetime stella shows is known to come from it. */
    static final Duration TOKEN_TTL = Duration.ofSeconds(420);

    /** May pull and push everything; may list the catalog of the token registry. */
    static final String ALICE = "alice";
    /** Token registry: may pull project "team" only, may not list the catalog. */
    static final String BOB = "bob";
    static final String BASIC_ALICE_PASSWORD = Secrets.password(ALICE, "pw-SENTINEL-7f3a-basic-alice-91c2");
    static final String BASIC_BOB_PASSWORD = Secrets.password(BOB, "pw-SENTINEL-7f3a-basic-bob-04d8");
    static final String TOKEN_ALICE_PASSWORD = Secrets.password(ALICE, "pw-SENTINEL-7f3a-token-alice-5e61");
    static final String TOKEN_BOB_PASSWORD = Secrets.password(BOB, "pw-SENTINEL-7f3a-token-bob-b3a0");
    static final String WRONG_PASSWORD = Secrets.password(ALICE, "pw-SENTINEL-7f3a-WRONG-0000");

    private static volatile Registries shared;

    private final Path dir;
    private final List<AutoCloseable> resources = new ArrayList<>();
    final TestCa ca;
    final Path caPem;
    final LocalRegistry anonymous;
    final LocalRegistry basic;
    final RecordingServer blobStore;
    final TokenService tokens;
    final LocalRegistry token;
    final Path appLayout;
    final Path multiLayout;
    private final Map<Mode, String> alpineDigests = new EnumMap<>(Mode.class);

    /** Registers the shared registries in the root store, so they close once the whole test run is done. */
    static final class Shared implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            shared = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(Registries.class, k -> new Registries(), Registries.class);
        }
    }

    static Registries get() {
        Registries r = shared;
        if (r == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(Registries.Shared.class)");
        }
        return r;
    }

    private Registries() {
        try {
            dir = Files.createTempDirectory("stella-cli-it-");
            ca = TestCa.create();
            caPem = ca.writeCaPem(dir);
            appLayout = TestImages.singleArch(dir.resolve("app"), "linux", "amd64", null, 32 * 1024);
            multiLayout = TestImages.multiArch(dir.resolve("multi"),
                    PLATFORMS.stream().map(TestImages.Platform::parse).toList(), 24 * 1024);
            Path alpine = TestImages.alpineArchive("3.11");

            anonymous = keep(LocalRegistry.builder().anonymous().start());
            push(anonymous, alpine, PushAuth.NONE);

            blobStore = keep(RecordingServer.start());
            basic = keep(LocalRegistry.builder()
                    .basic(Map.of(ALICE, BASIC_ALICE_PASSWORD, BOB, BASIC_BOB_PASSWORD))
                    .redirectBlobsTo(blobStore.baseUrl())
                    .start());
            blobStore.serveFilesFrom(basic.storageRoot());
            push(basic, alpine, PushAuth.of(ALICE, BASIC_ALICE_PASSWORD));

            tokens = keep(TokenService.builder(ca)
                    .ttl(TOKEN_TTL)
                    .user(ALICE, TOKEN_ALICE_PASSWORD)
                    .user(BOB, TOKEN_BOB_PASSWORD)
                    .grant(ALICE, "*", "*")
                    .catalogUser(ALICE)
                    .grant(BOB, "team", "pull")
                    .start());
            token = keep(LocalRegistry.builder().token(tokens)
                    .tls(ca.issueServer(List.of("127.0.0.1", "localhost")), ca).start());
            push(token, alpine, PushAuth.of(ALICE, TOKEN_ALICE_PASSWORD));

            for (Mode mode : Mode.values()) {
                alpineDigests.put(mode, sha256(skopeoInspectRaw(registry(mode), ALPINE, pushAuth(mode))));
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private void push(LocalRegistry registry, Path alpine, PushAuth auth) {
        Skopeo.copy(Skopeo.dockerArchive(alpine), registry, ALPINE, auth, false);
        Skopeo.copy(Skopeo.oci(appLayout), registry, APP, auth, false);
        Skopeo.copy(Skopeo.oci(multiLayout), registry, MULTI, auth, true);
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.add(resource);
        return resource;
    }

    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception ignored) {
                // best effort
            }
        }
        resources.clear();
        deleteQuietly(dir);
    }

    LocalRegistry registry(Mode mode) {
        return switch (mode) {
            case ANONYMOUS -> anonymous;
            case BASIC -> basic;
            case TOKEN -> token;
        };
    }

    /** {@code 127.0.0.1:PORT}. */
    String host(Mode mode) {
        return registry(mode).host();
    }

    /** {@code http://…} or {@code https://…}. */
    String url(Mode mode) {
        return registry(mode).baseUrl();
    }

    String image(Mode mode, String repoAndTag) {
        return host(mode) + "/" + repoAndTag;
    }

    /** Alice's password on the registry ("" for the anonymous one). */
    String alicePassword(Mode mode) {
        return switch (mode) {
            case ANONYMOUS -> "";
            case BASIC -> BASIC_ALICE_PASSWORD;
            case TOKEN -> TOKEN_ALICE_PASSWORD;
        };
    }

    /** The options that log alice in (password on stdin) and trust the registry: nothing for the anonymous one. */
    List<String> aliceOptions(Mode mode) {
        List<String> options = new ArrayList<>();
        if (mode != Mode.ANONYMOUS) {
            options.addAll(List.of("--username", ALICE, "--password-stdin"));
        }
        options.addAll(trust(mode));
        return options;
    }

    /** {@code --ca-cert CA} for the TLS registry. */
    List<String> trust(Mode mode) {
        return mode == Mode.TOKEN ? List.of("--ca-cert", caPem.toString()) : List.of();
    }

    PushAuth pushAuth(Mode mode) {
        return mode == Mode.ANONYMOUS ? PushAuth.NONE : PushAuth.of(ALICE, alicePassword(mode));
    }

    /** The alpine manifest's digest as skopeo read it back from the registry (sha256 of the raw manifest). */
    String alpineDigest(Mode mode) {
        return alpineDigests.get(mode);
    }

    /** The single-arch image's manifest digest: sha256 of the manifest blob in its OCI layout. */
    String appDigest() {
        return topDigest(appLayout);
    }

    String multiIndexDigest() {
        return topDigest(multiLayout);
    }

    /** The digest of the platform's manifest in the multi-arch index, read from the layout's index blob. */
    String multiDigest(String platform) {
        JsonNode index = readJson(blob(multiLayout, multiIndexDigest()));
        for (JsonNode entry : index.path("manifests")) {
            JsonNode p = entry.path("platform");
            String text = p.path("os").asText() + "/" + p.path("architecture").asText()
                    + (p.hasNonNull("variant") ? "/" + p.path("variant").asText() : "");
            if (text.equals(platform)) {
                String digest = entry.path("digest").asText();
                checkBlob(multiLayout, digest);
                return digest;
            }
        }
        throw new IllegalArgumentException("no " + platform + " in the multi-arch layout");
    }

    /** The first layer descriptor of a manifest in a layout: {digest, size}. */
    JsonNode firstLayer(Path layout, String manifestDigest) {
        return readJson(blob(layout, manifestDigest)).path("layers").get(0);
    }

    /** Digest of index.json's single entry, checked against the sha256 of the blob it names. */
    private static String topDigest(Path layout) {
        String digest = readJson(layout.resolve("index.json")).path("manifests").get(0).path("digest").asText();
        checkBlob(layout, digest);
        return digest;
    }

    private static void checkBlob(Path layout, String digest) {
        String computed = sha256(readBytes(blob(layout, digest)));
        if (!computed.equals(digest)) {
            throw new IllegalStateException("layout blob " + digest + " hashes to " + computed);
        }
    }

    private static Path blob(Path layout, String digest) {
        return layout.resolve("blobs/sha256/" + digest.substring("sha256:".length()));
    }

    private static JsonNode readJson(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code skopeo inspect --raw}: the manifest bytes exactly as the registry serves them. */
    private static byte[] skopeoInspectRaw(LocalRegistry registry, String repoAndTag, PushAuth auth) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("stella-skopeo-inspect-");
            Path authFile = Files.writeString(scratch.resolve("auth.json"), "{\"auths\":{}}");
            List<String> command = new ArrayList<>(List.of(Tools.require("skopeo").toString(), "inspect", "--raw",
                    "--authfile", authFile.toString()));
            if (registry.tlsEnabled()) {
                command.addAll(List.of("--tls-verify=true", "--cert-dir", registry.caCertDir().toString()));
            } else {
                command.add("--tls-verify=false");
            }
            if (auth.present()) {
                command.addAll(List.of("--creds", auth.username() + ":" + auth.password()));
            }
            command.add("docker://" + registry.host() + "/" + repoAndTag);
            Path output = scratch.resolve("manifest");
            Path errors = scratch.resolve("errors");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile())
                    .redirectError(errors.toFile());
            builder.environment().put("REGISTRY_AUTH_FILE", authFile.toString());
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("skopeo inspect timed out");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("skopeo inspect failed: " + Files.readString(errors, StandardCharsets.UTF_8));
            }
            return Files.readAllBytes(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(scratch);
        }
    }

    private static void deleteQuietly(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // left for the OS
        }
    }
}
