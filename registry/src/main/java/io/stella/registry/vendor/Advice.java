package io.stella.registry.vendor;

import java.util.LinkedHashMap;
import java.util.Map;

/** A vendor's fix for one failure, with what it found out (robot project, cloud account …) as evidence. */
public record Advice(String hint, Map<String, String> evidence) {

    public Advice {
        evidence = Map.copyOf(evidence);
    }

    public static Advice of(String hint) {
        return new Advice(hint, Map.of());
    }

    /** A copy with one more piece of evidence; null values are left out. */
    public Advice with(String key, Object value) {
        if (value == null) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(evidence);
        more.put(key, String.valueOf(value));
        return new Advice(hint, more);
    }
}
