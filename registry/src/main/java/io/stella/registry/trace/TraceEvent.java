package io.stella.registry.trace;

import java.time.Instant;
import java.util.Map;

/**
 * One step of talking to a registry, for {@code --verbose} output. Never holds a secret: callers put
 * only redacted values into the message and details.
 */
public record TraceEvent(Instant at, Kind kind, String message, Map<String, String> details) {

    public enum Kind { REQUEST, RESPONSE, CHALLENGE, TOKEN, CREDENTIAL, REDIRECT, RETRY, RATE_LIMIT, INFO }
}
