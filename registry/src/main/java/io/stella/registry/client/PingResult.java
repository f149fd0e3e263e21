package io.stella.registry.client;

import io.stella.registry.auth.Challenge;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What {@code GET /v2/} said: the base URI that answered (scheme resolved), the status, and the
 * authentication challenges.
 */
public record PingResult(URI base, int status, List<Challenge> challenges, Optional<String> apiVersion) {

    /** The challenge stella answers: Bearer over Basic; empty when the registry is open. */
    public Optional<Challenge> preferredChallenge() {
        return challenges.stream().filter(Challenge::isBearer).findFirst()
                .or(() -> challenges.stream().filter(Challenge::isBasic).findFirst());
    }
}
