package io.stella.vulndb.match;

import io.stella.vulndb.model.Affected;
import io.stella.vulndb.model.AffectedRange;
import io.stella.vulndb.model.RangeEvent;
import io.stella.vulndb.version.InvalidVersionException;
import io.stella.vulndb.version.VersionScheme;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides whether an installed version falls in an OSV {@code affected[]} entry: explicit {@code versions}
 * first, then each range evaluated as the OSV specification describes (events sorted by version;
 * {@code introduced} opens, {@code fixed} and {@code last_affected} close, {@code limit} bounds from above).
 * A version either side cannot be ordered gives {@link Verdict.CannotCompare}, never "not affected".
 */
final class AffectedEvaluator {
    private final VersionScheme ecosystemScheme;
    private final VersionScheme semverScheme;

    AffectedEvaluator(VersionScheme ecosystemScheme, VersionScheme semverScheme) {
        this.ecosystemScheme = ecosystemScheme;
        this.semverScheme = semverScheme;
    }

    Verdict evaluate(Affected affected, String installed) {
        String cannotCompare = null;
        Verdict.Affected hit = null;
        for (AffectedRange range : affected.ranges()) {
            VersionScheme scheme = range.type() == AffectedRange.Type.SEMVER && semverScheme != null
                    ? semverScheme : ecosystemScheme;
            try {
                Verdict.Affected inRange = evaluate(range, installed, scheme);
                if (inRange != null && (hit == null || hit.fixedVersion() == null)) {
                    hit = inRange;
                }
            } catch (InvalidVersionException e) {
                cannotCompare = e.getMessage();
            }
        }
        if (hit == null && affected.versions().contains(installed)) {
            hit = new Verdict.Affected(null);
        }
        if (hit != null) {
            return hit;
        }
        return cannotCompare != null ? new Verdict.CannotCompare(cannotCompare) : Verdict.NOT_AFFECTED;
    }

    /** The range's verdict: affected (with the first fix above the installed version), or null. */
    private static Verdict.Affected evaluate(AffectedRange range, String installed, VersionScheme scheme)
            throws InvalidVersionException {
        List<RangeEvent> events = sorted(range.events(), scheme);
        boolean affected = false;
        boolean limited = false;
        boolean belowLimit = false;
        String fixed = null;
        for (RangeEvent event : events) {
            switch (event.kind()) {
                case INTRODUCED -> {
                    if (isZero(event.version()) || scheme.compare(installed, event.version()) >= 0) {
                        affected = true;
                        fixed = null;
                    }
                }
                case FIXED -> {
                    if (scheme.compare(installed, event.version()) >= 0) {
                        affected = false;
                    } else if (affected && fixed == null) {
                        fixed = event.version();
                    }
                }
                case LAST_AFFECTED -> {
                    if (scheme.compare(installed, event.version()) > 0) {
                        affected = false;
                    }
                }
                case LIMIT -> {
                    limited = true;
                    if (isZero(event.version()) || event.version().equals("*")
                            || scheme.compare(installed, event.version()) < 0) {
                        belowLimit = true;
                    }
                }
            }
        }
        if (!affected || limited && !belowLimit) {
            return null;
        }
        return new Verdict.Affected(fixed);
    }

    /** Events in version order; {@code introduced: 0} first; on equal versions introduced before the others. */
    private static List<RangeEvent> sorted(List<RangeEvent> events, VersionScheme scheme) throws InvalidVersionException {
        List<RangeEvent> copy = new ArrayList<>(events);
        for (RangeEvent event : copy) {
            if (!isZero(event.version()) && !event.version().equals("*")) {
                scheme.compare(event.version(), event.version());
            }
        }
        copy.sort(Comparator.comparing((RangeEvent e) -> e, (x, y) -> compareEvents(x, y, scheme)));
        return copy;
    }

    private static int compareEvents(RangeEvent x, RangeEvent y, VersionScheme scheme) {
        boolean xZero = isZero(x.version()) && x.kind() == RangeEvent.Kind.INTRODUCED;
        boolean yZero = isZero(y.version()) && y.kind() == RangeEvent.Kind.INTRODUCED;
        if (xZero || yZero) {
            return Boolean.compare(yZero, xZero);
        }
        if (x.version().equals("*") || y.version().equals("*")) {
            return Boolean.compare(x.version().equals("*"), y.version().equals("*"));
        }
        try {
            int c = scheme.compare(x.version(), y.version());
            if (c != 0) {
                return c;
            }
        } catch (InvalidVersionException e) {
            throw new IllegalStateException("validated before sorting", e);
        }
        return Integer.compare(order(x.kind()), order(y.kind()));
    }

    private static int order(RangeEvent.Kind kind) {
        return kind == RangeEvent.Kind.INTRODUCED ? 0 : 1;
    }

    private static boolean isZero(String version) {
        return version.equals("0");
    }
}
