package io.stella.registry.auth;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One challenge of a {@code WWW-Authenticate} header: a scheme and its parameters (names lower-cased).
 */
public record Challenge(String scheme, Map<String, String> parameters) {

    public boolean isBearer() {
        return scheme.equalsIgnoreCase("bearer");
    }

    public boolean isBasic() {
        return scheme.equalsIgnoreCase("basic");
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> realm() {
        return parameter("realm");
    }

    public Optional<String> service() {
        return parameter("service");
    }

    /** The {@code error} parameter, e.g. {@code insufficient_scope} or {@code invalid_token}. */
    public Optional<String> error() {
        return parameter("error");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(scheme);
        String sep = " ";
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            sb.append(sep).append(e.getKey()).append("=\"").append(e.getValue()).append('"');
            sep = ",";
        }
        return sb.toString();
    }
}
