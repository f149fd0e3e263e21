package io.stella.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every secret the CLI tests hand out, and the check that none of them shows in a run's output. Checked after every
 * run by {@link Cli}: passwords (right and deliberately wrong ones), their {@code Basic} header form
 * ({@code base64(user:password)}), anything that looks like a JWT ({@code eyJ}: base64 of {@code {"}, how every
 * bearer token the {@code TokenService} issues starts) and refresh tokens (the token service issues 48 hex digits).
 */
final class Secrets {

    /** A JWT's header is base64url JSON, so every token starts with "eyJ". */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}");
    /** The TokenService's refresh tokens: 24 random bytes as hex. Digests are 64 hex digits, so they do not match. */
    private static final Pattern REFRESH_TOKEN = Pattern.compile("(?<![0-9a-fA-F])[0-9a-f]{48}(?![0-9a-fA-F])");

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private Secrets() {
    }

    /** Registers a user's password: the password itself and the Basic header value for it must never appear. */
    static String password(String user, String password) {
        SECRETS.add(password);
        SECRETS.add(Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return password;
    }

    /** Registers any other secret value (a wrong password, a token). */
    static String secret(String value) {
        SECRETS.add(value);
        return value;
    }

    static Set<String> all() {
        return Set.copyOf(SECRETS);
    }

    static void assertNoneIn(CliResult result) {
        List<String> leaks = findIn(result.out() + "\n" + result.err());
        if (!leaks.isEmpty()) {
            throw new AssertionError("secret material in the output of a run: " + leaks + "\n" + result);
        }
    }

    /** What leaked, described without repeating the secret in full. */
    static List<String> findIn(String text) {
        List<String> leaks = new ArrayList<>();
        for (String secret : SECRETS) {
            if (text.contains(secret)) {
                leaks.add("registered secret starting '" + secret.substring(0, Math.min(6, secret.length())) + "…'");
            }
        }
        Matcher jwt = JWT.matcher(text);
        if (jwt.find()) {
            leaks.add("a JWT at offset " + jwt.start());
        }
        Matcher refresh = REFRESH_TOKEN.matcher(text);
        if (refresh.find()) {
            leaks.add("a 48-hex-digit refresh token at offset " + refresh.start());
        }
        return leaks;
    }
}
