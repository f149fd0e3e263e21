package io.stella.registry.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Bearer tokens by registry, service and scopes. A token is handed out until {@code refreshFraction}
 * of its lifetime has passed, so that it is replaced before it can expire mid-request.
 */
public final class TokenCache {

    public record Key(String registry, String service, String scopes) {
        public static Key of(String registry, String service, List<Scope> scopes) {
            return new Key(registry, service == null ? "" : service,
                    String.join(" ", scopes.stream().map(Scope::toString).sorted().toList()));
        }
    }

    private final ConcurrentMap<Key, BearerToken> tokens = new ConcurrentHashMap<>();
    private final double refreshFraction;

    public TokenCache(double refreshFraction) {
        if (!(refreshFraction > 0 && refreshFraction <= 1)) {
            throw new IllegalArgumentException("refresh fraction must be in (0, 1]: " + refreshFraction);
        }
        this.refreshFraction = refreshFraction;
    }

    /** The cached token when it is not yet due for refresh. */
    public Optional<BearerToken> fresh(Key key, Instant now) {
        BearerToken token = tokens.get(key);
        if (token == null || !now.isBefore(token.refreshAt(refreshFraction))) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    /** The cached token even when due, for its refresh token. */
    public Optional<BearerToken> any(Key key) {
        return Optional.ofNullable(tokens.get(key));
    }

    public void put(Key key, BearerToken token) {
        tokens.put(key, token);
    }

    public void invalidate(Key key) {
        tokens.remove(key);
    }

    public double refreshFraction() {
        return refreshFraction;
    }
}
