package io.stella.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.stella.registry.config.RegistryUrl;
import io.stella.registry.config.StellaConfig;
import io.stella.registry.config.StellaConfigLoader;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * stella's config file edited as a YAML tree: commands change only the keys they name, and a result that
 * {@link StellaConfigLoader} rejects is never written. Jackson drops comments, so the caller is told when the
 * file had some.
 */
final class ConfigFile {

    static final String COMMENTS_LOST = "note: comments in the file are not kept (stella rewrites it as plain YAML)";

    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .build())
            .build();

    private final Path path;

    private ConfigFile(Path path) {
        this.path = path;
    }

    /** {@code --config FILE}, else {@code $STELLA_HOME/config.yaml}. */
    static ConfigFile of(Context context, Path option) {
        return new ConfigFile(option != null ? option : StellaConfigLoader.defaultConfigFile(context.env()));
    }

    Path path() {
        return path;
    }

    /** The config as loaded (validated); empty when the file does not exist yet. */
    StellaConfig load() {
        return Files.exists(path) ? new StellaConfigLoader().load(path) : new StellaConfig(java.util.List.of(), Optional.of(path));
    }

    /** The file as a tree; an empty mapping when it does not exist or is empty. */
    ObjectNode readTree() {
        if (!Files.exists(path)) {
            return JsonNodeFactory.instance.objectNode();
        }
        load(); // a broken file is reported as such, with key and line, before anything is changed
        try {
            JsonNode tree = YAML.readTree(path.toFile());
            return tree instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
        } catch (IOException e) {
            throw RegistryException.builder(FailureCode.CONFIG_INVALID, "config file " + path + " cannot be read")
                    .evidence("file", path).build();
        }
    }

    boolean hasComments() {
        try {
            return Files.exists(path) && Files.readAllLines(path, StandardCharsets.UTF_8).stream()
                    .anyMatch(line -> line.stripLeading().startsWith("#") || line.contains(" #"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Checks the tree as stella would load it, then replaces the file atomically (a temp file in the same directory,
     * moved over it). A file holding an encrypted secret is made readable by its owner only.
     *
     * @throws RegistryException {@code CONFIG_INVALID} naming the key when the result would not load
     */
    void write(Context context, ObjectNode root) {
        boolean hadComments = hasComments();
        byte[] content;
        try {
            content = YAML.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render the config as YAML", e);
        }
        new StellaConfigLoader().parse(path, content);
        boolean secret = root.findValue("password_encrypted") != null;
        try {
            Path directory = path.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, "." + path.getFileName() + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.write(temp, content);
                if (!secret) {
                    Files.setPosixFilePermissions(temp, existingModeOr(PosixFilePermissions.fromString("rw-r--r--")));
                }
                io.stella.cli.output.AtomicOutput.replace(temp, path);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw RegistryException.builder(FailureCode.CONFIG_INVALID, "cannot write the config file " + path)
                    .hint("Make " + path.toAbsolutePath().getParent() + " writable by the user running stella.")
                    .evidence("file", path)
                    .cause(e)
                    .build();
        }
        if (hadComments) {
            context.err().println(COMMENTS_LOST);
        }
    }

    private Set<PosixFilePermission> existingModeOr(Set<PosixFilePermission> fallback) throws IOException {
        return Files.exists(path) ? Files.getPosixFilePermissions(path) : fallback;
    }

    /** The {@code registries:} list, created when missing. */
    static ArrayNode registries(ObjectNode root) {
        JsonNode list = root.get("registries");
        return list instanceof ArrayNode array ? array : root.putArray("registries");
    }

    /** The entry called {@code name}: its {@code name}, or its host key when it has none. */
    static Optional<ObjectNode> entry(ObjectNode root, String name) {
        for (JsonNode node : registries(root)) {
            if (node instanceof ObjectNode entry && name.equals(entryName(entry))) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    static String entryName(ObjectNode entry) {
        if (entry.hasNonNull("name")) {
            return entry.get("name").asText();
        }
        try {
            return RegistryUrl.of(entry.path("url").asText()).hostKey();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The child mapping {@code key}, created when missing. */
    static ObjectNode section(ObjectNode parent, String key) {
        JsonNode child = parent.get(key);
        return child instanceof ObjectNode object ? object : parent.putObject(key);
    }
}
