package io.stella.registry.auth.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.registry.Secret;
import io.stella.registry.auth.Credential;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs docker credential helpers ({@code docker-credential-<name> get}): the server URL goes to the
 * helper's stdin, {@code {"ServerURL","Username","Secret"}} comes back on stdout. A helper that runs
 * longer than the timeout is killed, with whatever it started.
 */
public final class CredentialHelperClient {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final String BINARY_PREFIX = "docker-credential-";

    /** docker's marker in {@code Username} for "Secret is an identity (refresh) token". */
    private static final String IDENTITY_TOKEN_USERNAME = "<token>";
    private static final String NOT_FOUND_MESSAGE = "credentials not found";
    private static final Pattern HELPER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final int MAX_OUTPUT_BYTES = 1 << 20;
    private static final Duration OUTPUT_CLOSE_GRACE = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Path> searchPath;
    private final Map<String, String> environment;
    private final Duration timeout;

    /**
     * @param searchPath  directories searched, in order, for {@code docker-credential-<name>}
     * @param environment the helper's whole environment (helpers need e.g. HOME, AWS_*, GNUPGHOME)
     * @param timeout     how long a helper may run
     */
    public CredentialHelperClient(List<Path> searchPath, Map<String, String> environment, Duration timeout) {
        this.searchPath = List.copyOf(searchPath);
        this.environment = Map.copyOf(environment);
        this.timeout = timeout;
    }

    /** Searches the env's PATH and passes the env on to helpers. */
    public static CredentialHelperClient fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, DEFAULT_TIMEOUT);
    }

    public static CredentialHelperClient fromEnvironment(Map<String, String> env, Duration timeout) {
        String path = env.getOrDefault("PATH", "");
        List<Path> directories = Arrays.stream(path.split(Pattern.quote(File.pathSeparator)))
                .filter(entry -> !entry.isBlank()) // an empty entry would mean the working directory
                .map(Path::of)
                .toList();
        return new CredentialHelperClient(directories, env, timeout);
    }

    public static String binaryName(String helperName) {
        return BINARY_PREFIX + helperName;
    }

    public static boolean isValidHelperName(String helperName) {
        return HELPER_NAME.matcher(helperName).matches();
    }

    /** The helper's executable, if it is on the search path. */
    public Optional<Path> findHelper(String helperName) {
        return searchPath.stream()
                .map(directory -> directory.resolve(binaryName(helperName)))
                .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
                .findFirst();
    }

    /**
     * Asks a helper for a registry's credentials.
     *
     * @param helperName   the helper's name without the prefix, e.g. {@code pass}, {@code ecr-login}
     * @param registryHost the registry's host key ({@code docker.io} for Docker Hub)
     * @return the credential, or empty when the helper has none for this registry
     * @throws RegistryException {@code AUTH_HELPER_FAILED} when the helper is missing, fails, hangs or
     *         answers with something that is not credentials
     */
    public Optional<Credential> get(String helperName, String registryHost) {
        String binary = binaryName(helperName);
        if (!isValidHelperName(helperName)) {
            throw failure(binary, registryHost, "'" + helperName + "' is not a valid credential helper name")
                    .hint("Helper names are letters, digits, '.', '_' and '-' (docker-credential-<name>); fix the "
                            + "credHelpers/credsStore entry.")
                    .build();
        }
        Path executable = findHelper(helperName).orElseThrow(() -> failure(binary, registryHost,
                        binary + " is not installed or not on PATH")
                .hint("Install " + binary + " and put it on PATH, or remove '" + helperName
                        + "' from credHelpers/credsStore in the credential file.")
                .evidence("search_path", searchPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)))
                .build());
        HelperRun run = run(executable, binary, registryHost);
        if (run.exitCode != 0) {
            if ((run.stdout + "\n" + run.stderr).toLowerCase(Locale.ROOT).contains(NOT_FOUND_MESSAGE)) {
                return Optional.empty();
            }
            // The protocol puts a failing helper's error message on stdout; it holds no credential.
            throw failure(binary, registryHost, binary + " failed with exit code " + run.exitCode)
                    .evidence("exit_code", run.exitCode)
                    .evidence("output", firstLines(run.stdout))
                    .evidence("stderr", firstLines(run.stderr))
                    .build();
        }
        return parseAnswer(binary, registryHost, run);
    }

    private Optional<Credential> parseAnswer(String binary, String registryHost, HelperRun run) {
        JsonNode answer;
        try {
            answer = JSON.readTree(run.stdout);
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !answer.isObject()
                || !isTextOrAbsent(answer.get("Username")) || !isTextOrAbsent(answer.get("Secret"))) {
            // stdout is left out of the evidence: a half-written answer may contain the secret.
            throw failure(binary, registryHost, binary + " answered with something other than credential JSON "
                            + "{\"ServerURL\",\"Username\",\"Secret\"}")
                    .evidence("output_bytes", run.stdout.getBytes(StandardCharsets.UTF_8).length)
                    .evidence("stderr", firstLines(run.stderr))
                    .build();
        }
        String username = answer.path("Username").asText("");
        String secret = answer.path("Secret").asText("");
        if (secret.isEmpty()) {
            // Older helpers (e.g. Debian's docker-credential-pass) answer "not found" with empty fields and exit 0.
            return Optional.empty();
        }
        if (username.equals(IDENTITY_TOKEN_USERNAME)) {
            return Optional.of(new Credential.IdentityToken("", Secret.of(secret)));
        }
        return Optional.of(new Credential.UsernamePassword(username, Secret.of(secret)));
    }

    private HelperRun run(Path executable, String binary, String registryHost) {
        ProcessBuilder builder = new ProcessBuilder(executable.toString(), "get");
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw failure(binary, registryHost, binary + " could not be started").cause(e).build();
        }
        FutureTask<String> stdout = drain(process.getInputStream());
        FutureTask<String> stderr = drain(process.getErrorStream());
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(RegistryHosts.helperServerUrl(registryHost).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The helper exited or closed stdin without reading: its exit status and output tell why.
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killWithDescendants(process);
                throw failure(binary, registryHost, binary + " did not answer within " + describe(timeout) + " and was stopped")
                        .hint("Check that " + binary + " works when run by hand (it may be waiting for a password "
                                + "prompt, a locked keyring or the network).")
                        .evidence("timeout", describe(timeout))
                        .build();
            }
            return new HelperRun(process.exitValue(), collect(stdout), collect(stderr));
        } catch (InterruptedException e) {
            killWithDescendants(process);
            Thread.currentThread().interrupt();
            throw failure(binary, registryHost, "interrupted while waiting for " + binary).cause(e).build();
        } catch (ExecutionException | TimeoutException e) {
            killWithDescendants(process);
            throw failure(binary, registryHost, "could not read the output of " + binary).cause(e).build();
        }
    }

    private static FutureTask<String> drain(InputStream stream) {
        FutureTask<String> task = new FutureTask<>(() -> {
            try (stream) {
                byte[] kept = stream.readNBytes(MAX_OUTPUT_BYTES);
                stream.transferTo(OutputStream.nullOutputStream());
                return new String(kept, StandardCharsets.UTF_8);
            }
        });
        Thread.ofVirtual().name("credential-helper-output").start(task);
        return task;
    }

    private static String collect(FutureTask<String> output)
            throws InterruptedException, ExecutionException, TimeoutException {
        // The helper has exited; a process it left behind could still hold the pipe open.
        return output.get(OUTPUT_CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void killWithDescendants(Process process) {
        // Snapshot the children first: once the helper dies they are re-parented and no longer its descendants.
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private static RegistryException.Builder failure(String binary, String registryHost, String message) {
        return RegistryException.builder(FailureCode.AUTH_HELPER_FAILED, message + " (registry " + registryHost + ")")
                .registry(registryHost)
                .evidence("helper", binary);
    }

    private static boolean isTextOrAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isTextual();
    }

    private static String firstLines(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        String lines = trimmed.lines().limit(5).collect(Collectors.joining("\n"));
        return lines.length() > 500 ? lines.substring(0, 500) + "…" : lines;
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** What a helper run produced. stdout may hold the secret: keep it out of toString. */
    private record HelperRun(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "HelperRun[exitCode=" + exitCode + ", stdout=<" + stdout.length() + " chars>]";
        }
    }
}
