package io.stella.registry.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns Jackson's complaints about a config file into {@code CONFIG_INVALID} failures naming the file,
 * the key path ({@code registries[1].credentials.password_env}) and the line. Jackson's own messages
 * are never passed on: they quote input values, and a user may have pasted a secret into the file.
 */
final class ConfigErrors {

    private static final Set<String> SECRET_LOOKING_KEYS = Set.of("password", "token", "secret", "auth");

    private ConfigErrors() {
    }

    static RegistryException translate(Path file, JsonProcessingException e) {
        return switch (e) {
            case UnrecognizedPropertyException unknown -> unknownKey(file, unknown);
            case ValueInstantiationException rejected -> rejectedValue(file, rejected);
            case InvalidFormatException badValue -> wrongValue(file, badValue);
            case MismatchedInputException mismatch -> invalid(file, keyPath(mismatch.getPath()),
                    "expected " + expected(mismatch.getTargetType()), mismatch.getLocation());
            case JsonMappingException other -> invalid(file, keyPath(other.getPath()), "invalid value", other.getLocation());
            default -> syntax(file, e);
        };
    }

    static RegistryException invalid(Path file, String keyPath, String problem, JsonLocation location) {
        String where = location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        String subject = keyPath.isEmpty() ? "" : keyPath + ": ";
        RegistryException.Builder builder = RegistryException.builder(FailureCode.CONFIG_INVALID,
                        "invalid config " + file + ": " + subject + problem + where)
                .hint(keyPath.isEmpty() ? "Fix " + file + " as described." : "Fix " + keyPath + " in " + file + ".")
                .evidence("file", file)
                .evidence("key", keyPath.isEmpty() ? null : keyPath);
        if (!where.isEmpty()) {
            builder.evidence("line", location.getLineNr()).evidence("column", location.getColumnNr());
        }
        return builder.build();
    }

    private static RegistryException unknownKey(Path file, UnrecognizedPropertyException e) {
        String key = e.getPropertyName();
        String allowed = e.getKnownPropertyIds() == null ? "" : "; allowed keys here: " + join(e.getKnownPropertyIds());
        String problem = "unknown key '" + key + "'" + allowed;
        if (SECRET_LOOKING_KEYS.contains(key)) {
            problem += ". The config never holds secrets: name an environment variable (password_env, token_env) "
                    + "or a file (password_file) instead";
        }
        return invalid(file, keyPath(e.getPath()), problem, e.getLocation());
    }

    private static RegistryException rejectedValue(Path file, ValueInstantiationException e) {
        String path = keyPath(e.getPath());
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidConfigValueException invalid) {
                return invalid(file, join(path, invalid.key()), invalid.getMessage(), e.getLocation());
            }
        }
        return invalid(file, path, "invalid value", e.getLocation());
    }

    private static RegistryException wrongValue(Path file, InvalidFormatException e) {
        String path = keyPath(e.getPath());
        if (e.getTargetType() == RegistryType.class) {
            return invalid(file, path, "unknown registry type '" + e.getValue() + "'; use one of " + RegistryType.configNames(),
                    e.getLocation());
        }
        return invalid(file, path, "expected " + expected(e.getTargetType()), e.getLocation());
    }

    private static RegistryException syntax(Path file, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String problem = "not valid YAML";
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            problem += ": " + yaml.getProblem();
            location = new JsonLocation(null, -1, yaml.getProblemMark().getLine() + 1, yaml.getProblemMark().getColumn() + 1);
        } else if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
            String duplicate = e.getOriginalMessage().replaceFirst("^Duplicate field '(.*)'.*$", "$1");
            String parent = e.getProcessor() instanceof JsonParser parser ? keyPath(parser.getParsingContext()) : "";
            return invalid(file, join(parent, duplicate), "the key appears twice in the same mapping; keep one", location);
        }
        return invalid(file, "", problem, location);
    }

    private static String keyPath(List<JsonMappingException.Reference> path) {
        StringBuilder keyPath = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getIndex() >= 0) {
                keyPath.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                keyPath.append(keyPath.isEmpty() ? "" : ".").append(reference.getFieldName());
            }
        }
        return keyPath.toString();
    }

    /** The key path of the mapping or list a streaming context is reading. */
    private static String keyPath(JsonStreamContext context) {
        JsonStreamContext parent = context == null ? null : context.getParent();
        if (parent == null) {
            return "";
        }
        String parentPath = keyPath(parent);
        if (parent.inArray()) {
            return parentPath + "[" + parent.getCurrentIndex() + "]";
        }
        if (parent.inObject() && parent.getCurrentName() != null) {
            return join(parentPath, parent.getCurrentName());
        }
        return parentPath;
    }

    private static String join(String path, String key) {
        if (key.isEmpty()) {
            return path;
        }
        if (path.isEmpty() || key.startsWith("[")) {
            return path + key;
        }
        return path + "." + key;
    }

    private static String join(Collection<Object> names) {
        return names.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a different kind of value";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (type == Path.class) {
            return "a file path";
        }
        if (type == RegistryUrl.class) {
            return "a registry url such as harbor.example.com or https://harbor.example.com:8443";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list (entries starting with '-')";
        }
        return "a mapping of keys";
    }
}
