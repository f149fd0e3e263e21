package io.stella.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.registry.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenCacheTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static BearerToken token(long lifetimeSeconds) {
        return new BearerToken(Secret.of("t"), T0, T0.plusSeconds(lifetimeSeconds), Optional.empty(), Optional.empty());
    }

    @Test
    void handsOutTokenUntilRefreshFractionOfLifetime() {
        TokenCache cache = new TokenCache(0.75);
        TokenCache.Key key = TokenCache.Key.of("r", "svc", "p", List.of(Scope.pull("a")));
        cache.put(key, token(100));
        assertThat(cache.fresh(key, T0.plusSeconds(74))).isPresent();
        assertThat(cache.fresh(key, T0.plusSeconds(75))).isEmpty();
        assertThat(cache.any(key)).isPresent();
    }

    @Test
    void keysDistinguishRegistryServiceAndScopesButNotScopeOrder() {
        assertThat(TokenCache.Key.of("r", "s", "p", List.of(Scope.pull("a"), Scope.pull("b"))))
                .isEqualTo(TokenCache.Key.of("r", "s", "p", List.of(Scope.pull("b"), Scope.pull("a"))));
        assertThat(TokenCache.Key.of("r", "s", "p", List.of(Scope.pull("a"))))
                .isNotEqualTo(TokenCache.Key.of("r2", "s", "p", List.of(Scope.pull("a"))))
                .isNotEqualTo(TokenCache.Key.of("r", "s2", "p", List.of(Scope.pull("a"))))
                .isNotEqualTo(TokenCache.Key.of("r", "s", "p", List.of(Scope.pull("b"))));
    }

    @Test
    void principalsNeverShareTokensButScopesShareTheRefreshToken() {
        TokenCache cache = new TokenCache(0.75);
        TokenCache.Key alice = TokenCache.Key.of("r", "s", "alice", List.of(Scope.pull("a")));
        TokenCache.Key bob = TokenCache.Key.of("r", "s", "bob", List.of(Scope.pull("a")));
        cache.put(alice, new BearerToken(Secret.of("t"), T0, T0.plusSeconds(100), Optional.of(Secret.of("refresh")),
                Optional.empty()));
        assertThat(cache.fresh(bob, T0)).isEmpty();
        assertThat(cache.refreshToken(bob)).isEmpty();
        assertThat(cache.refreshToken(TokenCache.Key.of("r", "s", "alice", List.of(Scope.pull("other")))))
                .contains(Secret.of("refresh"));
        assertThat(TokenCache.principalOf(io.stella.registry.auth.ResolvedCredential.anonymous()))
                .isNotEqualTo(TokenCache.principalOf(new ResolvedCredential(
                        new Credential.UsernamePassword("alice", Secret.of("pw")), new CredentialOrigin("explicit", "x"))))
                .doesNotContain("pw");
    }

    @Test
    void rejectsNonsenseFraction() {
        assertThatThrownBy(() -> new TokenCache(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenCache(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scopesParseAndCover() {
        Scope s = Scope.parse("repository:host:5000/team/app:pull,push");
        assertThat(s.name()).isEqualTo("host:5000/team/app");
        assertThat(s.covers(Scope.pull("host:5000/team/app"))).isTrue();
        assertThat(Scope.pull("x").covers(Scope.parse("repository:x:push"))).isFalse();
        assertThat(Scope.parse("registry:catalog:*").covers(Scope.catalog())).isTrue();
    }

    @Test
    void jwtAccessClaimIsRead() {
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"access\":[{\"type\":\"repository\",\"name\":\"a/b\",\"actions\":[\"pull\"]}]}".getBytes());
        assertThat(JwtClaims.grantedAccess("h." + payload + ".s")).contains(List.of(Scope.pull("a/b")));
        assertThat(JwtClaims.grantedAccess("opaque-token")).isEmpty();
        String none = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"sub\":\"x\"}".getBytes());
        assertThat(JwtClaims.grantedAccess("h." + none + ".s")).contains(List.of());
    }
}
