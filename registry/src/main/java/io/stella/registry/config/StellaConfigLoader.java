package io.stella.registry.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads stella's YAML config. Keys are snake_case. Relative file paths in it ({@code ca_cert},
 * {@code password_file}, {@code path}) are taken relative to the config file's directory.
 */
public final class StellaConfigLoader {

    public static final String CONFIG_FILE_NAME = "config.yaml";

    private final ObjectMapper mapper = YAMLMapper.builder(YAMLFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    // "registries:" with nothing after it is null in YAML; the builder does not enable this by default
                    .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                    .build())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            // "insecure_skip_verify: 1" is more likely a mistake than a wish
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // "max_workers: 2.5" would otherwise silently become 2
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    /** The config file stella reads by default: {@code $STELLA_HOME/config.yaml}, STELLA_HOME defaulting to {@code ~/.stella}. */
    public static Path defaultConfigFile(Map<String, String> env) {
        return stellaHome(env).resolve(CONFIG_FILE_NAME);
    }

    /** {@code $STELLA_HOME}, defaulting to {@code ~/.stella}: where config, database and caches live. */
    public static Path stellaHome(Map<String, String> env) {
        String stellaHome = env.get("STELLA_HOME");
        return stellaHome != null && !stellaHome.isBlank() ? Path.of(stellaHome) : userHome(env).resolve(".stella");
    }

    /** Loads the default config file; when it does not exist, the config is empty. */
    public StellaConfig loadDefault(Map<String, String> env) {
        Path file = defaultConfigFile(env);
        return Files.exists(file) ? load(file) : StellaConfig.empty();
    }

    /**
     * Loads a config file the user named.
     *
     * @throws RegistryException {@code CONFIG_INVALID} when the file is missing, unreadable or invalid
     */
    public StellaConfig load(Path file) {
        return parse(file, read(file));
    }

    /**
     * Checks content meant for {@code file} as if loaded from it, e.g. before writing it there.
     *
     * @throws RegistryException {@code CONFIG_INVALID} naming the key and line of the problem
     */
    public StellaConfig parse(Path file, byte[] content) {
        ConfigKeyIndex keys;
        try (JsonParser parser = mapper.createParser(content)) {
            keys = ConfigKeyIndex.scan(file, parser);
        } catch (JsonProcessingException e) {
            throw ConfigErrors.syntax(file, e);
        } catch (IOException e) {
            throw unreadable(file);
        }
        if (keys.isEmptyDocument()) {
            return new StellaConfig(List.of(), Optional.of(file));
        }
        try {
            return mapper.readValue(content, StellaConfig.class).loadedFrom(file);
        } catch (JsonMappingException e) {
            throw ConfigErrors.binding(file, e, keys);
        } catch (JsonProcessingException e) {
            throw ConfigErrors.syntax(file, e);
        } catch (IOException e) {
            throw unreadable(file);
        }
    }

    // Parsing reads from memory, so this cannot really happen; the cause is left out as it may quote the input.
    private static RegistryException unreadable(Path file) {
        return RegistryException.builder(FailureCode.CONFIG_INVALID, "config file " + file + " could not be parsed")
                .evidence("file", file)
                .build();
    }

    private static byte[] read(Path file) {
        if (Files.isDirectory(file)) {
            throw RegistryException.builder(FailureCode.CONFIG_INVALID, "config file " + file + " is a directory")
                    .hint("Pass the path of the YAML file itself, e.g. " + file.resolve(CONFIG_FILE_NAME))
                    .evidence("file", file)
                    .build();
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw RegistryException.builder(FailureCode.CONFIG_INVALID, "config file " + file + " does not exist")
                    .hint("Check the path, or leave the option out to use " + CONFIG_FILE_NAME + " in $STELLA_HOME (~/.stella)")
                    .evidence("file", file)
                    .build();
        } catch (AccessDeniedException e) {
            throw RegistryException.builder(FailureCode.CONFIG_INVALID, "config file " + file + " cannot be read: permission denied")
                    .hint("Make the file readable by the user running stella")
                    .evidence("file", file)
                    .build();
        } catch (IOException e) {
            throw RegistryException.builder(FailureCode.CONFIG_INVALID, "config file " + file + " cannot be read")
                    .evidence("file", file)
                    .cause(e)
                    .build();
        }
    }

    private static Path userHome(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }
}
