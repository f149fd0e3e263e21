package io.stella.registry.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A first pass over the config's tokens: records where each key and list entry is, so that errors
 * found later while binding the records can name a line, and rejects unknown keys at their own line
 * (binding would report them only after the whole entry, and after any other problem in it). It also
 * rejects keys left without a value where that is a mistake: binding cannot tell them from absent keys.
 */
final class ConfigKeyIndex {

    private final Map<String, JsonLocation> locations = new HashMap<>();
    private boolean empty = true;

    private ConfigKeyIndex() {
    }

    /**
     * @throws com.fasterxml.jackson.core.JsonProcessingException on a YAML syntax error or duplicate key
     * @throws io.stella.registry.failure.RegistryException {@code CONFIG_INVALID} on an unknown key or a
     *         top level that is not a mapping, or a key left without a required value
     */
    static ConfigKeyIndex scan(Path file, JsonParser parser) throws IOException {
        ConfigKeyIndex index = new ConfigKeyIndex();
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            index.visit(file, parser, token);
        }
        return index;
    }

    boolean isEmptyDocument() {
        return empty;
    }

    /** Where {@code keyPath} is, or else its nearest enclosing key or entry. */
    Optional<JsonLocation> locationOf(String keyPath) {
        for (String path = keyPath; !path.isEmpty(); path = KeyPaths.parentOf(path)) {
            JsonLocation location = locations.get(path);
            if (location != null) {
                return Optional.of(location);
            }
        }
        return Optional.empty();
    }

    private void visit(Path file, JsonParser parser, JsonToken token) {
        JsonStreamContext context = parser.getParsingContext();
        if (empty) {
            empty = false;
            if (token != JsonToken.START_OBJECT) {
                throw ConfigErrors.invalid(file, "", "the top level must be a mapping of keys, e.g. 'registries:'",
                        parser.currentTokenLocation());
            }
            return;
        }
        if (token == JsonToken.FIELD_NAME) {
            String key = context.getCurrentName();
            String sectionPath = KeyPaths.of(context);
            checkKnown(file, sectionPath, key, parser.currentTokenLocation());
            locations.put(KeyPaths.join(sectionPath, key), parser.currentTokenLocation());
            return;
        }
        if (token == JsonToken.VALUE_NULL && context.inObject()) {
            checkHasValue(file, KeyPaths.join(KeyPaths.of(context), context.getCurrentName()), parser.currentTokenLocation());
        }
        // After a '{' or '[' the context is already the new mapping or list; its entry belongs to the parent.
        JsonStreamContext container = token.isStructStart() ? context.getParent() : context;
        if (container.inArray() && !token.isStructEnd()) {
            locations.putIfAbsent(KeyPaths.of(container) + "[" + container.getCurrentIndex() + "]",
                    parser.currentTokenLocation());
        }
    }

    private void checkHasValue(Path file, String keyPath, JsonLocation valueLocation) {
        Optional<String> problem = ConfigSchema.problemWithoutValue(keyPath);
        if (problem.isPresent()) {
            throw ConfigErrors.invalid(file, keyPath, problem.get(), locations.getOrDefault(keyPath, valueLocation));
        }
    }

    private static void checkKnown(Path file, String sectionPath, String key, JsonLocation location) {
        Optional<List<String>> known = ConfigSchema.knownKeys(sectionPath);
        if (known.isPresent() && !known.get().contains(key)) {
            throw ConfigErrors.unknownKey(file, KeyPaths.join(sectionPath, key), key, known.get(), location);
        }
    }
}
