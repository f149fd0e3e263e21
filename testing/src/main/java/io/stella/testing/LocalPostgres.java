package io.stella.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (Debian's package, the newest {@code /usr/lib/postgresql/VERSION/bin}) in a temporary
 * directory on a random 127.0.0.1 port, with a database and a user that logs in with a password (scram-sha-256;
 * a wrong password is refused). PostgreSQL refuses to run as root: as root the directory is handed to the
 * {@code postgres} OS user and the server runs as that user through {@code runuser}.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");
    private static final String INSTALL_HINT = "install Debian's postgresql package (scripts/install-test-tools does)";
    private static final String OS_USER = "postgres";
    private static final String SUPERUSER = "stella_admin";
    private static final String DATABASE = "stella";
    private static final String USER = "stella";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);
    private static final int BIND_ATTEMPTS = 5;

    private final Path workDir;
    private final Path bin;
    private final boolean asPostgresUser;
    private final int port;
    private final String superPassword;
    private final String password;
    private final Process process;
    private final Path logFile;
    private final Thread shutdownHook;
    private final AtomicInteger databases = new AtomicInteger();
    private volatile String logAfterClose;

    private LocalPostgres(Path workDir, Path bin, boolean asPostgresUser, int port, String superPassword,
                          String password, Process process, Path logFile) {
        this.workDir = workDir;
        this.bin = bin;
        this.asPostgresUser = asPostgresUser;
        this.port = port;
        this.superPassword = superPassword;
        this.password = password;
        this.process = process;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::stop, "stop postgres " + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Initialises a cluster, starts the server, and creates the database {@code stella} owned by {@code stella}. */
    public static LocalPostgres start() {
        Path bin = binaries();
        boolean root = isRoot();
        // As root the server's user must reach the directory: under /tmp (1777), not a private java.io.tmpdir.
        Path workDir = root ? createTempDir(Path.of("/tmp")) : TempDirs.create("stella-postgres-");
        try {
            return start(bin, root, workDir);
        } catch (RuntimeException | Error e) {
            TempDirs.deleteQuietly(workDir);
            throw e;
        }
    }

    /** Whether a PostgreSQL server can be started here, for {@code assumeTrue(LocalPostgres.available())}. */
    public static boolean available() {
        return findBinaries().isPresent();
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/stella}. */
    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    public String username() {
        return USER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** The temporary directory of the cluster (data, socket, log); deleted on {@link #close()}. */
    public Path directory() {
        return workDir;
    }

    /** Creates another empty database owned by {@link #username()} and returns its JDBC URL: one per test. */
    public String newDatabase() {
        String name = DATABASE + "_" + databases.incrementAndGet();
        try (Connection connection = superuserConnection(port, superPassword);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " OWNER " + USER);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return jdbcUrl(name);
    }

    /** The server's log so far. */
    public String log() {
        String closed = logAfterClose;
        return closed != null ? closed : readLog(logFile);
    }

    /** Stops the server (immediate shutdown) and deletes its directory; {@link #log()} stays readable. */
    @Override
    public void close() {
        if (logAfterClose != null) {
            return;
        }
        stop();
        logAfterClose = readLog(logFile);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // the JVM is already shutting down; the hook runs anyway
        }
        TempDirs.deleteQuietly(workDir);
    }

    @Override
    public String toString() {
        return "PostgreSQL on 127.0.0.1:" + port;
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** pg_ctl stops the server itself: killing runuser would leave its postgres child running. */
    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        try {
            run(asPostgresUser, workDir, List.of(bin.resolve("pg_ctl").toString(), "stop", "-D",
                    workDir.resolve("data").toString(), "-m", "immediate", "-w"));
        } catch (RuntimeException e) {
            // fall through to killing the processes
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static LocalPostgres start(Path bin, boolean asPostgresUser, Path workDir) {
        String superPassword = randomSecret();
        String password = randomSecret();
        Path data = workDir.resolve("data");
        Path socketDir = mkdirs(workDir.resolve("socket"));
        Path passwordFile = write(workDir.resolve("superuser-password"), superPassword + "\n");
        Path logFile = workDir.resolve("postgres.log");
        if (asPostgresUser) {
            chownTree(workDir, OS_USER);
        }
        run(asPostgresUser, workDir, List.of(bin.resolve("initdb").toString(), "-D", data.toString(),
                "-U", SUPERUSER, "--pwfile=" + passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256",
                "-E", "UTF8", "--locale=C", "--no-sync"));
        String failure = "";
        for (int attempt = 1; attempt <= BIND_ATTEMPTS; attempt++) {
            int port = Ports.freePort();
            // fsync and full-page writes off: a test server's data need not survive a power cut.
            Process process = launch(asPostgresUser, workDir, logFile, List.of(bin.resolve("postgres").toString(),
                    "-D", data.toString(), "-p", String.valueOf(port), "-k", socketDir.toString(),
                    "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off",
                    "-c", "full_page_writes=off"));
            LocalPostgres server = new LocalPostgres(workDir, bin, asPostgresUser, port, superPassword, password,
                    process, logFile);
            Optional<String> problem = server.awaitStartup();
            if (problem.isEmpty()) {
                server.createUserAndDatabase();
                return server;
            }
            server.stop();
            Runtime.getRuntime().removeShutdownHook(server.shutdownHook);
            String log = readLog(logFile);
            failure = problem.get() + "\nlog:\n" + log;
            if (!log.contains("could not bind") && !log.contains("already in use")) {
                break;
            }
        }
        throw new IllegalStateException(failure);
    }

    /** Empty when the server accepts the superuser's password login, else what went wrong. */
    private Optional<String> awaitStartup() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        String lastError = "";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return Optional.of("postgres exited with " + process.exitValue());
            }
            try (Connection ignored = superuserConnection(port, superPassword)) {
                return Optional.empty();
            } catch (SQLException e) {
                lastError = e.getMessage();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted while waiting for postgres");
            }
        }
        return Optional.of("postgres did not accept connections on port " + port + " within " + STARTUP_TIMEOUT
                + " (" + lastError + ")");
    }

    private void createUserAndDatabase() {
        try (Connection connection = superuserConnection(port, superPassword);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + password + "'");
            statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("cannot create the test user and database: " + e.getMessage(), e);
        }
    }

    private static Connection superuserConnection(int port, String superPassword) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("password", superPassword);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", properties);
    }

    /** The newest Debian PostgreSQL, else initdb and friends on PATH. */
    private static Path binaries() {
        return findBinaries().orElseThrow(() -> new IllegalStateException(
                "no PostgreSQL server found under " + DEBIAN_VERSIONS + "/*/bin or on PATH; " + INSTALL_HINT));
    }

    private static Optional<Path> findBinaries() {
        if (Files.isDirectory(DEBIAN_VERSIONS)) {
            try (Stream<Path> versions = Files.list(DEBIAN_VERSIONS)) {
                Optional<Path> newest = versions
                        .filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                        .filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingDouble(v -> Double.parseDouble(v.getFileName().toString())))
                        .map(v -> v.resolve("bin"));
                if (newest.isPresent()) {
                    return newest;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Tools.find("initdb").filter(initdb -> Files.isExecutable(initdb.resolveSibling("postgres")))
                .map(Path::getParent);
    }

    private static boolean isRoot() {
        return run(false, Path.of("/"), List.of("id", "-u")).strip().equals("0");
    }

    private static List<String> asUser(boolean asPostgresUser, List<String> command) {
        if (!asPostgresUser) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(Tools.require("runuser").toString(), "-u", OS_USER, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static ProcessBuilder processBuilder(boolean asPostgresUser, Path workDir, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(asUser(asPostgresUser, command)).directory(workDir.toFile());
        builder.environment().put("LC_ALL", "C");
        return builder;
    }

    private static Process launch(boolean asPostgresUser, Path workDir, Path logFile, List<String> command) {
        try {
            return processBuilder(asPostgresUser, workDir, command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        }
    }

    /** Runs a command to its end and returns its output; an {@link IllegalStateException} when it fails. */
    private static String run(boolean asPostgresUser, Path workDir, List<String> command) {
        try {
            Process process = processBuilder(asPostgresUser, workDir, command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + COMMAND_TIMEOUT);
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                        + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command.get(0), e);
        }
    }

    private static void chownTree(Path dir, String user) {
        try (Stream<Path> paths = Files.walk(dir)) {
            UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
            for (Path path : paths.toList()) {
                Files.setOwner(path, owner);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hand " + dir + " to the " + user + " user", e);
        }
    }

    private static Path createTempDir(Path parent) {
        try {
            return Files.createTempDirectory(parent, "stella-postgres-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readLog(Path logFile) {
        try {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
