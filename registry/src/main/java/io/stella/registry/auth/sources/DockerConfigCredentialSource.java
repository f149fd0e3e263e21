package io.stella.registry.auth.sources;

import io.stella.registry.auth.Credential;
import io.stella.registry.auth.CredentialOrigin;
import io.stella.registry.auth.CredentialSource;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Credentials from docker's and podman's credential files, with docker's credential helpers.
 *
 * <p>Files, in order: {@code --auth-file} alone when given; otherwise {@code $REGISTRY_AUTH_FILE},
 * {@code $XDG_RUNTIME_DIR/containers/auth.json}, {@code $XDG_CONFIG_HOME/containers/auth.json}
 * ({@code ~/.config/containers/auth.json}), and {@code $DOCKER_CONFIG/config.json} (else
 * {@code ~/.docker/config.json}). Like podman, which reads its auth.json and then docker's config.json,
 * every existing file is consulted in that order and the first one with credentials for the registry
 * wins; files that do not exist are skipped.
 *
 * <p>Within one file: {@code credHelpers[registry]}, then the {@code auths} entry, then {@code credsStore}.
 * A helper that has no credentials for the registry passes on to the next step; a helper that fails
 * stops the lookup with {@code AUTH_HELPER_FAILED}.
 */
public final class DockerConfigCredentialSource implements CredentialSource {

    private final List<Path> candidateFiles;
    private final CredentialHelperClient helpers;

    public DockerConfigCredentialSource(List<Path> candidateFiles, CredentialHelperClient helpers) {
        this.candidateFiles = List.copyOf(candidateFiles);
        this.helpers = helpers;
    }

    /**
     * The standard source: the files of {@link #candidateFiles}, helpers found on the env's PATH.
     *
     * @throws RegistryException {@code CONFIG_INVALID} when {@code authFile} is given but does not exist
     */
    public static DockerConfigCredentialSource fromEnvironment(Optional<Path> authFile, Map<String, String> env, Path home) {
        authFile.ifPresent(DockerConfigCredentialSource::requireExisting);
        return new DockerConfigCredentialSource(candidateFiles(authFile, env, home), CredentialHelperClient.fromEnvironment(env));
    }

    /** The files consulted, in order (see the class comment), whether they exist or not. */
    public static List<Path> candidateFiles(Optional<Path> authFile, Map<String, String> env, Path home) {
        if (authFile.isPresent()) {
            return List.of(authFile.get());
        }
        List<Path> files = new ArrayList<>();
        nonBlank(env, "REGISTRY_AUTH_FILE").map(Path::of).ifPresent(files::add);
        nonBlank(env, "XDG_RUNTIME_DIR").map(dir -> Path.of(dir, "containers", "auth.json")).ifPresent(files::add);
        files.add(nonBlank(env, "XDG_CONFIG_HOME").map(Path::of).orElse(home.resolve(".config"))
                .resolve("containers").resolve("auth.json"));
        files.add(nonBlank(env, "DOCKER_CONFIG").map(Path::of).orElse(home.resolve(".docker")).resolve("config.json"));
        return files.stream().distinct().toList();
    }

    public List<Path> candidateFiles() {
        return candidateFiles;
    }

    /** Helpers hand out short-lived credentials (ECR, GCR, ACR helpers) and files are rotated: ask again. */
    @Override
    public boolean renewable() {
        return true;
    }

    @Override
    public Optional<ResolvedCredential> lookup(String registryHost) {
        String hostKey = RegistryHosts.normalise(registryHost);
        for (Path file : candidateFiles) {
            if (!Files.exists(file)) {
                continue;
            }
            Optional<ResolvedCredential> found = lookupIn(DockerAuthFileReader.read(file), hostKey);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * Every helper the existing files name ({@code credHelpers} entries, then {@code credsStore}), in file order.
     *
     * @throws RegistryException {@code CONFIG_INVALID} when a file cannot be read or parsed
     */
    public List<ConfiguredHelper> configuredHelpers() {
        List<ConfiguredHelper> found = new ArrayList<>();
        for (Path file : candidateFiles) {
            if (!Files.exists(file)) {
                continue;
            }
            DockerAuthFile auth = DockerAuthFileReader.read(file);
            auth.credHelpers().forEach((key, helper) -> found.add(new ConfiguredHelper(helper, file,
                    auth.keyPath("credHelpers", key), Optional.of(key))));
            auth.credsStore().ifPresent(helper -> found.add(new ConfiguredHelper(helper, file,
                    auth.keyPrefix() + "credsStore", Optional.empty())));
        }
        return found;
    }

    @Override
    public String describe() {
        return "docker/podman credential files, first with credentials wins: "
                + candidateFiles.stream().map(f -> f + (Files.exists(f) ? "" : " (absent)")).collect(Collectors.joining(", "));
    }

    private Optional<ResolvedCredential> lookupIn(DockerAuthFile file, String hostKey) {
        Optional<String> helperKey = file.helperKeyFor(hostKey);
        if (helperKey.isPresent()) {
            Optional<ResolvedCredential> fromHelper = fromHelper(file.credHelpers().get(helperKey.get()), "credHelpers", file, hostKey);
            if (fromHelper.isPresent()) {
                return fromHelper;
            }
        }
        Optional<String> authKey = file.authKeyFor(hostKey);
        if (authKey.isPresent()) {
            Credential credential = file.credentialsByKey().get(authKey.get());
            return Optional.of(new ResolvedCredential(credential,
                    new CredentialOrigin("auth-file", file.path() + " " + file.keyPath("auths", authKey.get()))));
        }
        if (file.credsStore().isPresent()) {
            return fromHelper(file.credsStore().get(), "credsStore", file, hostKey);
        }
        return Optional.empty();
    }

    private Optional<ResolvedCredential> fromHelper(String helperName, String configuredBy, DockerAuthFile file, String hostKey) {
        try {
            return helpers.get(helperName, hostKey).map(credential -> new ResolvedCredential(credential,
                    new CredentialOrigin("credential-helper", CredentialHelperClient.binaryName(helperName)
                            + " (" + file.keyPrefix() + configuredBy + " in " + file.path() + ")")));
        } catch (RegistryException e) {
            throw e.withContext(hostKey, null, Map.of("configured_by", file.keyPrefix() + configuredBy + " in " + file.path()));
        }
    }

    private static void requireExisting(Path authFile) {
        if (!Files.isRegularFile(authFile)) {
            throw RegistryException.builder(FailureCode.CONFIG_INVALID, "auth file " + authFile
                            + (Files.exists(authFile) ? " is not a regular file" : " does not exist"))
                    .hint("Pass the path of a docker config.json, a containers auth.json or a Kubernetes "
                            + DockerAuthFileReader.SECRET_TYPE + " Secret to --auth-file.")
                    .evidence("file", authFile)
                    .build();
        }
    }

    private static Optional<String> nonBlank(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
