package io.stella.registry.client;

import io.stella.registry.auth.BearerToken;
import java.util.Optional;

/**
 * What stella sent as {@code Authorization} for a request, remembered so that a rejection can be
 * explained. The header value itself is never printed.
 *
 * @param method "none", "basic", "bearer" (token service) or "registry-token"
 */
record AuthorizationHeader(String method, Optional<String> value, Optional<BearerToken> token) {

    static final AuthorizationHeader NONE = new AuthorizationHeader("none", Optional.empty(), Optional.empty());
}
