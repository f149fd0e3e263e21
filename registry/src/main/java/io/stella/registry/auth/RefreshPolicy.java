package io.stella.registry.auth;

import io.stella.registry.config.RegistryConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * When a renewable credential (cloud credentials, helper output, a credential file re-read) is fetched
 * again: at {@code refresh_interval} after it was obtained, and at {@code fraction} of its lifetime when its
 * expiry is known, whichever comes first. With {@code auto_refresh: false} only an expired or rejected
 * credential is renewed.
 *
 * @param auto     the registry's {@code auto_refresh} (default true)
 * @param interval the registry's {@code refresh_interval}, when set
 * @param fraction of the lifetime after which a credential with a known expiry is renewed
 */
public record RefreshPolicy(boolean auto, Optional<Duration> interval, double fraction) {
    public static final double DEFAULT_FRACTION = 0.75;
    public static final RefreshPolicy DEFAULT = new RefreshPolicy(true, Optional.empty(), DEFAULT_FRACTION);

    public RefreshPolicy {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("refresh fraction must be in (0, 1]: " + fraction);
        }
        interval.ifPresent(i -> {
            if (i.isNegative() || i.isZero()) {
                throw new IllegalArgumentException("refresh interval must be positive: " + i);
            }
        });
    }

    public static RefreshPolicy of(RegistryConfig registry) {
        return new RefreshPolicy(registry.autoRefresh() == null || registry.autoRefresh(),
                registry.refreshIntervalDuration(), DEFAULT_FRACTION);
    }

    /** When a credential obtained at {@code obtained} and expiring at {@code expires} is due; empty for never. */
    public Optional<Instant> refreshAt(Instant obtained, Optional<Instant> expires) {
        if (!auto) {
            return expires;
        }
        Optional<Instant> byInterval = interval.map(obtained::plus);
        Optional<Instant> byLifetime = expires.filter(e -> e.isAfter(obtained)).map(e -> obtained.plusMillis(
                (long) (Duration.between(obtained, e).toMillis() * fraction)));
        Optional<Instant> due = Stream.of(byInterval, byLifetime, expires).flatMap(Optional::stream)
                .min(Instant::compareTo);
        return due;
    }

    /** For output: "at 75% of its lifetime", "every 11h or at 75% of its lifetime", "only when expired". */
    public String describe() {
        if (!auto) {
            return "only when expired or rejected (auto_refresh: false)";
        }
        String lifetime = "at " + Math.round(fraction * 100) + "% of its lifetime";
        return interval.map(i -> "every " + format(i) + " or " + lifetime + ", whichever is first").orElse(lifetime);
    }

    private static String format(Duration d) {
        if (d.toSeconds() % 86400 == 0) {
            return d.toDays() + "d";
        }
        if (d.toSeconds() % 3600 == 0) {
            return d.toHours() + "h";
        }
        if (d.toSeconds() % 60 == 0) {
            return d.toMinutes() + "m";
        }
        return d.toSeconds() + "s";
    }
}
