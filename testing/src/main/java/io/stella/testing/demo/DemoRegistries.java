package io.stella.testing.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.stella.testing.ImageFleet;
import io.stella.testing.IssuedCert;
import io.stella.testing.LocalRegistry;
import io.stella.testing.PushAuth;
import io.stella.testing.Skopeo;
import io.stella.testing.TestCa;
import io.stella.testing.TestImages;
import io.stella.testing.TokenService;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Starts the three kinds of local registries stella's demo runs against, with real images in them, and keeps them
 * running until standard input closes (or the JVM gets SIGTERM/SIGINT):
 *
 * <ul>
 *   <li><b>anonymous</b>: plain HTTP, no authentication;</li>
 *   <li><b>basic</b>: plain HTTP, htpasswd Basic authentication;</li>
 *   <li><b>token</b>: HTTPS with a certificate from a throw-away test CA, bearer tokens from a {@link TokenService}
 *       with Harbor-like per-project grants.</li>
 * </ul>
 *
 * <p>Each registry gets the real alpine 3.11 image as {@code library/alpine:3.11} and a three-platform OCI index as
 * {@code demo/multi:1.0} (linux/amd64, linux/arm64, linux/arm/v7), pushed with skopeo.
 *
 * <p>Usage: {@code DemoRegistries OUT_DIR}. Writes {@code OUT_DIR/demo.env} (shell variables) and
 * {@code OUT_DIR/demo.json} with the registries' hosts, users, password <em>files</em> (0600) and the CA certificate
 * path, then prints {@code ready} on stdout. Passwords are random per run and never printed.
 *
 * <p>Users: {@code demo} may pull and push everything and list the catalog (both auth registries); {@code viewer}
 * (token registry only) may pull {@code demo/*} but not {@code library/*} and may not list the catalog.
 */
public final class DemoRegistries implements AutoCloseable {

    public static final String ALPINE = "library/alpine:3.11";
    public static final String MULTI = "demo/multi:1.0";
    public static final List<String> PLATFORMS = List.of("linux/amd64", "linux/arm64", "linux/arm/v7");
    /** The repositories of the fleet pushed into the token registry for the registry-scan part of the demo. */
    public static final List<String> FLEET = List.of("fleet/api", "fleet/web", "fleet/worker");

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final Path out;

    private DemoRegistries(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: DemoRegistries OUT_DIR");
            System.exit(2);
        }
        Path out = Files.createDirectories(Path.of(args[0]).toAbsolutePath());
        DemoRegistries demo = new DemoRegistries(out);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            demo.close();
            closed.countDown();
        }, "demo-registries-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintStream stdout = System.out;
        try {
            demo.start(stdout);
        } catch (RuntimeException e) {
            System.err.println("demo registries failed to start: " + e.getMessage());
            System.exit(1);
        }
        stdout.println("ready");
        stdout.flush();
        // Runs until stdin reaches EOF (the demo script closes it) or SIGTERM runs the shutdown hook.
        awaitEndOfInput(System.in);
        stdout.println("stdin closed: stopping the registries");
        stdout.flush();
        System.exit(0);
    }

    private static void awaitEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // ignore whatever arrives; only EOF matters
            }
        } catch (IOException ignored) {
            // a broken stdin means the same as a closed one
        }
    }

    private void start(PrintStream log) throws IOException {
        Path images = Files.createDirectories(out.resolve("images"));
        Path alpine = TestImages.alpineArchive("3.11");
        Path multi = TestImages.multiArch(images.resolve("multi"),
                PLATFORMS.stream().map(TestImages.Platform::parse).toList(), 64 * 1024);

        String basicPassword = randomPassword();
        String demoPassword = randomPassword();
        String viewerPassword = randomPassword();
        String partialPassword = randomPassword();

        log.println("starting the anonymous registry (HTTP)…");
        LocalRegistry anonymous = keep(LocalRegistry.builder().anonymous().start());
        push(log, anonymous, alpine, multi, PushAuth.NONE);

        log.println("starting the Basic-auth registry (HTTP, htpasswd)…");
        LocalRegistry basic = keep(LocalRegistry.builder().basic(Map.of("demo", basicPassword)).start());
        push(log, basic, alpine, multi, PushAuth.of("demo", basicPassword));

        log.println("starting the token service and the token-auth registry (HTTPS, test CA)…");
        TestCa ca = TestCa.create();
        TokenService tokens = keep(TokenService.builder(ca)
                .user("demo", demoPassword)
                .user("viewer", viewerPassword)
                .grant("demo", "*", "*")
                .catalogUser("demo")
                .grant("viewer", "demo", "pull")
                .user("partial", partialPassword)
                .grant("partial", "library", "pull")
                .grant("partial", "fleet", "pull")
                .catalogUser("partial")
                .start());
        IssuedCert serverCert = ca.issueServer(List.of("127.0.0.1", "localhost"));
        LocalRegistry token = keep(LocalRegistry.builder().token(tokens).tls(serverCert, ca).start());
        push(log, token, alpine, multi, PushAuth.of("demo", demoPassword));
        List<ImageFleet.Image> fleet = ImageFleet.standard(FLEET);
        log.println("  pushing a fleet of " + fleet.size() + " images in " + FLEET + " (shared Alpine base layers) to "
                + token.host());
        ImageFleet.push(token, PushAuth.of("demo", demoPassword), fleet, images.resolve("fleet"));

        Path secrets = Files.createDirectories(out.resolve("secrets"));
        Path caFile = ca.writeCaPem(out);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ANON_HOST", anonymous.host());
        values.put("ANON_URL", anonymous.baseUrl());
        values.put("BASIC_HOST", basic.host());
        values.put("BASIC_URL", basic.baseUrl());
        values.put("BASIC_USER", "demo");
        values.put("BASIC_PASSWORD_FILE", secretFile(secrets.resolve("basic-demo.password"), basicPassword).toString());
        values.put("TOKEN_HOST", token.host());
        values.put("TOKEN_URL", token.baseUrl());
        values.put("TOKEN_REALM", tokens.realm());
        values.put("TOKEN_USER", "demo");
        values.put("TOKEN_PASSWORD_FILE", secretFile(secrets.resolve("token-demo.password"), demoPassword).toString());
        values.put("TOKEN_VIEWER_USER", "viewer");
        values.put("TOKEN_VIEWER_PASSWORD_FILE",
                secretFile(secrets.resolve("token-viewer.password"), viewerPassword).toString());
        values.put("TOKEN_PARTIAL_USER", "partial");
        values.put("TOKEN_PARTIAL_PASSWORD_FILE",
                secretFile(secrets.resolve("token-partial.password"), partialPassword).toString());
        values.put("CA_CERT", caFile.toString());
        values.put("ALPINE_REPO_TAG", ALPINE);
        values.put("MULTI_REPO_TAG", MULTI);
        values.put("MULTI_PLATFORMS", String.join(" ", PLATFORMS));
        writeEnv(out.resolve("demo.env"), values);
        writeJson(out.resolve("demo.json"), values);
        log.println("registries: anonymous " + anonymous.baseUrl() + ", basic " + basic.baseUrl() + ", token "
                + token.baseUrl() + " (token service " + tokens.realm() + ")");
    }

    private static void push(PrintStream log, LocalRegistry registry, Path alpine, Path multi, PushAuth auth) {
        log.println("  pushing " + ALPINE + " and " + MULTI + " (" + PLATFORMS.size() + " platforms) to "
                + registry.host());
        Skopeo.copy(Skopeo.dockerArchive(alpine), registry, ALPINE, auth, false);
        Skopeo.copy(Skopeo.oci(multi), registry, MULTI, auth, true);
    }

    private <T extends AutoCloseable> T keep(T resource) {
        synchronized (resources) {
            resources.push(resource);
        }
        return resource;
    }

    /** Closes everything started, newest first; safe to call twice. */
    @Override
    public void close() {
        List<AutoCloseable> toClose = new ArrayList<>();
        synchronized (resources) {
            while (!resources.isEmpty()) {
                toClose.add(resources.pop());
            }
        }
        for (AutoCloseable resource : toClose) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("warning: could not stop " + resource + ": " + e);
            }
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return "demo-" + HexFormat.of().formatHex(bytes);
    }

    private static Path secretFile(Path file, String secret) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeEnv(Path file, Map<String, String> values) throws IOException {
        String text = values.entrySet().stream()
                .map(e -> e.getKey() + "='" + e.getValue().replace("'", "'\\''") + "'")
                .collect(Collectors.joining("\n", "# written by io.stella.testing.demo.DemoRegistries\n", "\n"));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void writeJson(Path file, Map<String, String> values) throws IOException {
        Map<String, String> lowerCase = new LinkedHashMap<>();
        values.forEach((key, value) -> lowerCase.put(key.toLowerCase(Locale.ROOT), value));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), lowerCase);
    }
}
