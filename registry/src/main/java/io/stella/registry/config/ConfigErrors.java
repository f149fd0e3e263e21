package io.stella.registry.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
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
 * Turns problems with a config file into {@code CONFIG_INVALID} failures naming the file, the key path
 * ({@code registries[1].credentials.password_env}) and the line. Jackson's own messages are never
 * passed on: they quote input values, and a user may have pasted a secret into the file.
 */
final class ConfigErrors {

    private static final Set<String> SECRET_LOOKING_KEYS = Set.of("password", "token", "secret", "auth");

    private ConfigErrors() {
    }

    static RegistryException invalid(Path file, String keyPath, String problem, JsonLocation location) {
        boolean located = location != null && location.getLineNr() >= 1;
        String where = located ? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "";
        String subject = keyPath.isEmpty() ? "" : keyPath + ": ";
        RegistryException.Builder builder = RegistryException.builder(FailureCode.CONFIG_INVALID,
                        "invalid config " + file + ": " + subject + problem + where)
                .hint(keyPath.isEmpty() ? "Fix " + file + " as described." : "Fix " + keyPath + " in " + file + ".")
                .evidence("file", file)
                .evidence("key", keyPath.isEmpty() ? null : keyPath);
        if (located) {
            builder.evidence("line", location.getLineNr()).evidence("column", location.getColumnNr());
        }
        return builder.build();
    }

    static RegistryException unknownKey(Path file, String keyPath, String key, Collection<?> allowed, JsonLocation location) {
        String problem = "unknown key '" + key + "'; allowed keys here: "
                + allowed.stream().map(String::valueOf).collect(Collectors.joining(", "));
        if (SECRET_LOOKING_KEYS.contains(key)) {
            problem += ". The config never holds secrets in clear: name an environment variable (password_env, token_env) "
                    + "or a file (password_file) instead, or let 'stella registry update-credentials' store it encrypted";
        }
        return invalid(file, keyPath, problem, location);
    }

    /** A YAML syntax error or duplicate key, found while scanning the tokens. */
    static RegistryException syntax(Path file, JsonProcessingException e) {
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            // The problem text names the construct, not the input; the snippet (with input) is left out.
            JsonLocation at = new JsonLocation(null, -1, yaml.getProblemMark().getLine() + 1, yaml.getProblemMark().getColumn() + 1);
            return invalid(file, "", "not valid YAML: " + yaml.getProblem(), at);
        }
        String original = e.getOriginalMessage();
        if (original != null && original.startsWith("Duplicate field '") && e.getProcessor() instanceof JsonParser parser) {
            String key = parser.getParsingContext().getCurrentName();
            return invalid(file, KeyPaths.join(KeyPaths.of(parser.getParsingContext()), key),
                    "the key appears twice in the same mapping; keep one", parser.currentTokenLocation());
        }
        return invalid(file, "", "not valid YAML", e.getLocation());
    }

    /** A problem found while binding the records; {@code keys} gives the line of the key involved. */
    static RegistryException binding(Path file, JsonMappingException e, ConfigKeyIndex keys) {
        String path = KeyPaths.of(e.getPath());
        String problem = "invalid value";
        if (e instanceof ValueInstantiationException) {
            InvalidConfigValueException rule = findRule(e);
            if (rule != null) {
                path = KeyPaths.join(path, rule.key());
                problem = rule.getMessage();
            }
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            Collection<Object> allowed = unknown.getKnownPropertyIds() == null ? List.of() : unknown.getKnownPropertyIds();
            return unknownKey(file, path, unknown.getPropertyName(), allowed, keys.locationOf(path).orElse(null));
        } else if (e instanceof InvalidFormatException badValue && badValue.getTargetType() == RegistryType.class) {
            problem = "unknown registry type '" + badValue.getValue() + "'; use one of " + RegistryType.configNames();
        } else if (e instanceof MismatchedInputException mismatch) {
            problem = "expected " + expected(mismatch.getTargetType());
        } else if (e.getCause() instanceof InputCoercionException) {
            problem = "the number is out of range (at most " + Integer.MAX_VALUE + ")";
        }
        return invalid(file, path, problem, keys.locationOf(path).orElse(null));
    }

    private static InvalidConfigValueException findRule(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidConfigValueException rule) {
                return rule;
            }
        }
        return null;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a different kind of value";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == Integer.class) {
            return "a whole number";
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
