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

    /**
     * @param principal who the token is for ({@link #principalOf}): clients with other credentials that
     *                  share the cache never get each other's tokens
     */
    public record Key(String registry, String service, String principal, String scopes) {
        public static Key of(String registry, String service, String principal, List<Scope> scopes) {
            return new Key(registry, service == null ? "" : service, principal,
                    String.join(" ", scopes.stream().map(Scope::toString).sorted().toList()));
        }

        Key withoutScopes() {
            return new Key(registry, service, principal, "");
        }
    }

    /** Names a credential's owner without its secret: kind, user name and where it came from. */
    public static String principalOf(ResolvedCredential credential) {
        String user = switch (credential.credential()) {
            case Credential.UsernamePassword up -> up.username();
            case Credential.IdentityToken it -> String.valueOf(it.username());
            case Credential.RegistryToken rt -> "";
            case Credential.Anonymous a -> "";
        };
        return credential.credential().kind() + ":" + user + "@" + credential.origin();
    }

    private final ConcurrentMap<Key, BearerToken> tokens = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, io.stella.registry.Secret> refreshTokens = new ConcurrentHashMap<>();
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
        token.refreshToken().ifPresent(r -> refreshTokens.put(key.withoutScopes(), r));
    }

    /**
     * The newest refresh token for the key's registry, service and principal, whatever its scopes: a
     * refresh token stands for the login, so a token for a new scope need not send the password again.
     */
    public Optional<io.stella.registry.Secret> refreshToken(Key key) {
        return Optional.ofNullable(refreshTokens.get(key.withoutScopes()));
    }


    public void invalidate(Key key) {
        tokens.remove(key);
    }

    public double refreshFraction() {
        return refreshFraction;
    }
}
