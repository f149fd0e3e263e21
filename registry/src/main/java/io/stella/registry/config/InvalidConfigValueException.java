package io.stella.registry.config;

/**
 * A config value that breaks a rule, thrown by the config records' constructors. The loader turns it
 * into a {@code CONFIG_INVALID} failure naming the file, the full key path and, where known, the line.
 * Messages must never contain a configured value that could be a secret.
 */
public final class InvalidConfigValueException extends IllegalArgumentException {
    private final String key;

    /**
     * @param key     the offending key relative to the record that rejects it, e.g. {@code url} or
     *                {@code registries[2].name}
     * @param problem what is wrong and what to do, as a sentence
     */
    public InvalidConfigValueException(String key, String problem) {
        super(problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
