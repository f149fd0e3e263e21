package io.stella.scan.store;

import java.time.Instant;

/** The process holding a registry's scan lock: its host and pid, its run (0 until attached) and times. */
public record LockOwner(String host, long pid, long runId, Instant since, Instant heartbeat) {
}
