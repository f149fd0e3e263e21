package io.stella.cli.lifecycle;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The credential states of one stella home, by registry host, in {@code $STELLA_HOME/state/credentials.json}.
 * Updates from concurrent stella processes are serialised with a file lock; a state file that cannot be read
 * or written costs only the history shown by {@code credentials show}, never a scan, so failures to write are
 * reported to the caller as a warning.
 */
public final class CredentialStateFile {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
    private static final TypeReference<Map<String, CredentialState>> TYPE = new TypeReference<>() {
    };

    private static final Object IN_PROCESS = new Object();

    private final Path file;

    public CredentialStateFile(Path file) {
        this.file = file;
    }

    public static CredentialStateFile in(Path stellaHome) {
        return new CredentialStateFile(stellaHome.resolve("state").resolve("credentials.json"));
    }

    public Path path() {
        return file;
    }

    public Optional<CredentialState> read(String registryHost) {
        return Optional.ofNullable(readAll().get(registryHost));
    }

    public Map<String, CredentialState> readAll() {
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(JSON.readValue(file.toFile(), TYPE));
        } catch (IOException e) {
            return new TreeMap<>();
        }
    }

    /** Applies {@code change} to the registry's state under the file lock. */
    public void update(String registryHost, UnaryOperator<CredentialState> change) throws IOException {
        // a file lock is per process: threads of this one (any instance) take turns first
        synchronized (IN_PROCESS) {
            updateLocked(registryHost, change);
        }
    }

    private void updateLocked(String registryHost, UnaryOperator<CredentialState> change) throws IOException {
        Files.createDirectories(file.getParent());
        Path lockFile = file.resolveSibling(".credentials.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            Map<String, CredentialState> all = readAll();
            all.put(registryHost, change.apply(all.getOrDefault(registryHost, CredentialState.NONE)));
            io.stella.cli.output.AtomicJsonFile.write(JSON, file, all);
        }
    }
}
