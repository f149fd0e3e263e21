package io.stella.scan.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Objects;
import java.util.function.LongPredicate;

/** What a store needs from its process for scan locks; tests pass their own clock and liveness check. */
record StoreEnvironment(Clock clock, LongPredicate processAlive, String host, long pid) {

    StoreEnvironment {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(processAlive, "processAlive");
        Objects.requireNonNull(host, "host");
    }

    static StoreEnvironment system() {
        return new StoreEnvironment(Clock.systemUTC(), StoreEnvironment::alive, localHost(),
                ProcessHandle.current().pid());
    }

    StoreEnvironment withClock(Clock other) {
        return new StoreEnvironment(other, processAlive, host, pid);
    }

    StoreEnvironment withProcessAlive(LongPredicate other) {
        return new StoreEnvironment(clock, other, host, pid);
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String fromEnv = System.getenv("HOSTNAME");
            return fromEnv != null && !fromEnv.isBlank() ? fromEnv : "localhost";
        }
    }
}
