package io.stella.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The real CNCF distribution registry ({@code /usr/bin/docker-registry}) running in a temporary directory on a
 * random 127.0.0.1 port, anonymous, with htpasswd Basic auth, or with token auth against a {@link TokenService}.
 */
public final class LocalRegistry implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);
    private static final int BIND_ATTEMPTS = 5;

    private final Path workDir;
    private final Path storageRoot;
    private final Path caCertDir;
    private final Path logFile;
    private final boolean tls;
    private final int port;
    private final Process process;
    private final Thread shutdownHook;
    private volatile String logAfterClose;

    private LocalRegistry(Path workDir, Path storageRoot, Path caCertDir, Path logFile, boolean tls, int port,
                          Process process) {
        this.workDir = workDir;
        this.storageRoot = storageRoot;
        this.caCertDir = caCertDir;
        this.logFile = logFile;
        this.tls = tls;
        this.port = port;
        this.process = process;
        this.shutdownHook = new Thread(process::destroyForcibly, "stop docker-registry " + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code 127.0.0.1:PORT}, as used in image references. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return (tls ? "https://" : "http://") + host();
    }

    public boolean tlsEnabled() {
        return tls;
    }

    /** The filesystem driver's root: blobs live under {@code docker/registry/v2/blobs/sha256/..}. */
    public Path storageRoot() {
        return storageRoot;
    }

    /**
     * A directory for skopeo's {@code --dest-cert-dir}: {@code ca.crt} trusts the registry's certificate (its CA
     * when known, else the certificate itself) and, in token mode, {@code token-ca.crt} the token service's CA.
     */
    public Path caCertDir() {
        return caCertDir;
    }

    /** The registry's combined stdout and stderr so far. */
    public String log() {
        String closed = logAfterClose;
        return closed != null ? closed : readLog(logFile);
    }

    /** Stops the process and deletes its directory, storage included; {@link #log()} stays readable. */
    @Override
    public void close() {
        if (logAfterClose != null) {
            return;
        }
        stop(process);
        logAfterClose = readLog(logFile);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // the JVM is already shutting down; the hook runs anyway
        }
        TempDirs.deleteQuietly(workDir);
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String readLog(Path logFile) {
        try {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Chooses authentication, TLS and storage middleware; {@link #start()} launches the process. */
    public static final class Builder {

        private Map<String, String> basicUsers;
        private TokenService tokenService;
        private IssuedCert tlsCert;
        private TestCa tlsCa;
        private String redirectBaseUrl;
        private boolean schema1Enabled;

        private Builder() {
        }

        /** No authentication (the default). */
        public Builder anonymous() {
            basicUsers = null;
            tokenService = null;
            return this;
        }

        /** htpasswd Basic auth (bcrypt), realm "stella-basic". */
        public Builder basic(Map<String, String> users) {
            basicUsers = new LinkedHashMap<>(users);
            tokenService = null;
            return this;
        }

        /** Bearer-token auth against the service: realm, service, issuer and its CA as {@code rootcertbundle}. */
        public Builder token(TokenService service) {
            tokenService = Objects.requireNonNull(service);
            basicUsers = null;
            return this;
        }

        /** Serve HTTPS with this certificate; {@link #caCertDir()} then trusts the certificate itself. */
        public Builder tls(IssuedCert cert) {
            this.tlsCert = Objects.requireNonNull(cert);
            return this;
        }

        /** Serve HTTPS with this certificate; {@link #caCertDir()} then trusts the issuing CA. */
        public Builder tls(IssuedCert cert, TestCa issuer) {
            this.tlsCert = Objects.requireNonNull(cert);
            this.tlsCa = issuer;
            return this;
        }

        /** Blob GETs answer 307 to {@code baseUrl} + the blob's storage path (the path of baseUrl is dropped). */
        public Builder redirectBlobsTo(String baseUrl) {
            this.redirectBaseUrl = baseUrl;
            return this;
        }

        /** Distribution 2.8 refuses schema1 manifest pushes ("manifest schema v1 unsupported") unless enabled. */
        public Builder schema1Enabled(boolean enabled) {
            this.schema1Enabled = enabled;
            return this;
        }

        public LocalRegistry start() {
            Path binary = Tools.require("docker-registry");
            Path workDir = TempDirs.create("stella-registry-");
            try {
                return start(binary, workDir);
            } catch (RuntimeException | Error e) {
                TempDirs.deleteQuietly(workDir);
                throw e;
            }
        }

        private LocalRegistry start(Path binary, Path workDir) {
            Path storage = mkdirs(workDir.resolve("storage"));
            Path certDir = mkdirs(workDir.resolve("certs"));
            Path tlsCertFile = null;
            Path tlsKeyFile = null;
            if (tlsCert != null) {
                tlsCertFile = tlsCert.writeCertPem(workDir.resolve("tls/server.crt"));
                tlsKeyFile = tlsCert.writeKeyPem(workDir.resolve("tls/server.key"));
                IssuedCert.write(certDir.resolve("ca.crt"), tlsCa != null ? tlsCa.caPem() : tlsCert.certPem());
            }
            Path htpasswd = null;
            if (basicUsers != null) {
                htpasswd = IssuedCert.write(workDir.resolve("htpasswd"), Htpasswd.of(basicUsers));
            }
            RegistryConfig.TokenAuth token = null;
            if (tokenService != null) {
                Path bundle = IssuedCert.write(workDir.resolve("token-ca.pem"), tokenService.ca().caPem());
                IssuedCert.write(certDir.resolve("token-ca.crt"), tokenService.ca().caPem());
                token = new RegistryConfig.TokenAuth(tokenService.realm(), tokenService.service(),
                        tokenService.issuer(), bundle);
            }
            Path logFile = workDir.resolve("registry.log");
            Path configFile = workDir.resolve("config.yml");
            String failure = "";
            for (int attempt = 1; attempt <= BIND_ATTEMPTS; attempt++) {
                int port = Ports.freePort();
                RegistryConfig config = new RegistryConfig(port, randomSecret(), storage, tlsCertFile, tlsKeyFile,
                        htpasswd, token, redirectBaseUrl, schema1Enabled);
                IssuedCert.write(configFile, config.toYaml());
                Process process = launch(binary, configFile, logFile, workDir);
                Startup startup = awaitStartup(process, port, tlsCert != null);
                if (startup == Startup.READY) {
                    return new LocalRegistry(workDir, storage, certDir, logFile, tlsCert != null, port, process);
                }
                stop(process);
                String log = readLog(logFile);
                failure = startup == Startup.TIMED_OUT
                        ? "docker-registry did not answer /v2/ on port " + port + " within " + STARTUP_TIMEOUT
                        : "docker-registry exited with " + process.exitValue();
                failure += "\nconfig:\n" + config.toYaml() + "\nlog:\n" + log;
                if (!log.contains("address already in use")) {
                    break;
                }
            }
            throw new IllegalStateException(failure);
        }

        private static Process launch(Path binary, Path config, Path logFile, Path workDir) {
            try {
                return new ProcessBuilder(binary.toString(), "serve", config.toString())
                        .directory(workDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(logFile.toFile())
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run " + binary, e);
            }
        }

        private enum Startup { READY, EXITED, TIMED_OUT }

        private static Startup awaitStartup(Process process, int port, boolean tls) {
            long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    return Startup.EXITED;
                }
                if (HttpProbe.status(port, tls, "/v2/") > 0) {
                    return Startup.READY;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Startup.TIMED_OUT;
                }
            }
            return Startup.TIMED_OUT;
        }

        private static String randomSecret() {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }

        private static Path mkdirs(Path dir) {
            try {
                return Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
