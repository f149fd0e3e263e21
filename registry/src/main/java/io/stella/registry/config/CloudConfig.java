package io.stella.registry.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code cloud:} section of a registry entry: settings for the registry type's credential provider
 * ({@code region}, {@code role_arn}, {@code project}, {@code tenant_id} …). The core does not know the keys;
 * the provider does, and refuses unknown ones ({@link io.stella.registry.auth.provider.CredentialProvider#settingKeys}).
 * Values are scalars or lists of scalars; secrets are never put here, only references to them (env names, files).
 */
public record CloudConfig(Map<String, Object> settings) {
    public static final CloudConfig NONE = new CloudConfig(Map.of());

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CloudConfig {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (settings != null) {
            settings.forEach((key, value) -> {
                if (value instanceof Map<?, ?>) {
                    throw new InvalidConfigValueException(key, key + " must be a value or a list of values, not a mapping");
                }
                if (value instanceof List<?> list) {
                    for (Object item : list) {
                        if (item == null || item instanceof Map<?, ?> || item instanceof List<?>) {
                            throw new InvalidConfigValueException(key, key + " must be a list of plain values");
                        }
                    }
                    value = list.stream().map(String::valueOf).toList();
                } else if (value != null) {
                    value = String.valueOf(value);
                }
                if (value != null) {
                    copy.put(key, value);
                }
            });
        }
        settings = Collections.unmodifiableMap(copy);
    }

    @Override
    @JsonValue
    public Map<String, Object> settings() {
        return settings;
    }

    public boolean isEmpty() {
        return settings.isEmpty();
    }

    public Set<String> keys() {
        return settings.keySet();
    }

    /** A scalar setting; a list there is a mistake named by its key. */
    public Optional<String> string(String key) {
        Object value = settings.get(key);
        if (value instanceof List<?>) {
            throw new InvalidConfigValueException(key, key + " takes one value, not a list");
        }
        return Optional.ofNullable((String) value).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** A list setting; one value counts as a list of one. */
    @SuppressWarnings("unchecked")
    public List<String> strings(String key) {
        Object value = settings.get(key);
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? (List<String>) list : List.of((String) value);
    }

    /** A copy with {@code key} set (a String or a List of Strings), or removed when {@code value} is null. */
    public CloudConfig with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(settings);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new CloudConfig(copy);
    }
}
