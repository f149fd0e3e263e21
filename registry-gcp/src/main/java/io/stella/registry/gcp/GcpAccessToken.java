package io.stella.registry.gcp;

import io.stella.registry.Secret;
import java.time.Instant;
import java.util.Optional;

/** An OAuth2 access token for Google APIs and the registries, and when it expires as Google said. */
record GcpAccessToken(Secret value, Optional<Instant> expiresAt) {
}
