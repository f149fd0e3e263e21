package io.stella.registry.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.stella.registry.auth.sources.RegistryHosts;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A registry's {@code url} as written in the config: {@code [http[s]://]host[:port][/]}, e.g.
 * {@code harbor.example.com}, {@code https://harbor.example.com:8443} or {@code 127.0.0.1:5000}.
 */
public record RegistryUrl(String text) {

    private static final Pattern HOST_AND_PORT = Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
                    + "|\\[[0-9A-Fa-f:.]+\\])(?::([0-9]{1,5}))?");
    // Docker-era URLs carry the API version as a path; it names the same registry.
    private static final Set<String> API_VERSION_PATHS = Set.of("", "/", "/v1", "/v1/", "/v2", "/v2/");
    private static final String EXAMPLES =
            "give host[:port] with an optional http:// or https://, e.g. harbor.example.com or https://harbor.example.com:8443";

    public RegistryUrl {
        if (text == null || text.isBlank()) {
            throw new InvalidConfigValueException("", "the url is empty; " + EXAMPLES);
        }
        text = text.strip();
        String scheme = scheme(text);
        if (!scheme.isEmpty() && !scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidConfigValueException("", "scheme '" + scheme + "://' is not supported; " + EXAMPLES);
        }
        String authority = authority(text);
        if (authority.contains("@")) {
            throw new InvalidConfigValueException("", "the url must not contain a user name or password; "
                    + "put them under credentials (username, password_env or password_file)");
        }
        var hostAndPort = HOST_AND_PORT.matcher(authority);
        if (!hostAndPort.matches()) {
            throw new InvalidConfigValueException("", "'" + authority + "' is not a valid host[:port]; " + EXAMPLES);
        }
        if (hostAndPort.group(1) != null) {
            int port = Integer.parseInt(hostAndPort.group(1));
            if (port < 1 || port > 65535) {
                throw new InvalidConfigValueException("", "port " + port + " is out of range 1-65535");
            }
        }
        String path = path(text);
        if (!API_VERSION_PATHS.contains(path)) {
            throw new InvalidConfigValueException("", "the url has a path ('" + path + "'); a registry is only "
                    + "host[:port], repositories belong in image references");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RegistryUrl of(String text) {
        return new RegistryUrl(text);
    }

    /** {@code host[:port]}, lower-cased, scheme and trailing slash removed, Docker Hub as {@code docker.io}. */
    public String hostKey() {
        return RegistryHosts.normalise(authority(text));
    }

    /** Whether the url asked for plain HTTP with an explicit {@code http://}. */
    public boolean explicitHttp() {
        return scheme(text).equals("http");
    }

    @JsonValue
    @Override
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    private static String scheme(String url) {
        int end = url.indexOf("://");
        return end < 0 ? "" : url.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static String authority(String url) {
        String rest = afterScheme(url);
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static String path(String url) {
        String rest = afterScheme(url);
        int slash = rest.indexOf('/');
        return slash < 0 ? "" : rest.substring(slash);
    }

    private static String afterScheme(String url) {
        int end = url.indexOf("://");
        return end < 0 ? url : url.substring(end + 3);
    }
}
