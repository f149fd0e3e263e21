package io.stella.vulndb.osv;

import com.fasterxml.jackson.databind.JsonNode;
import io.stella.vulndb.model.Advisory;
import io.stella.vulndb.model.Affected;
import io.stella.vulndb.model.AffectedRange;
import io.stella.vulndb.model.RangeEvent;
import io.stella.vulndb.model.Severity;
import io.stella.vulndb.model.SeverityRating;
import io.stella.vulndb.osv.wire.OsvAffected;
import io.stella.vulndb.osv.wire.OsvRange;
import io.stella.vulndb.osv.wire.OsvRecord;
import io.stella.vulndb.osv.wire.OsvReference;
import io.stella.vulndb.osv.wire.OsvSeverity;
import io.stella.vulndb.store.ImportedAdvisory;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** Converts OSV wire records into the domain model. */
public final class OsvConverter {
    private final Function<String, Optional<SeverityRating>> vectorRating;

    /** @param vectorRating rates a CVSS vector (production: {@code Cvss::rate}) */
    public OsvConverter(Function<String, Optional<SeverityRating>> vectorRating) {
        this.vectorRating = vectorRating;
    }

    /** A converted record and the GIT ranges it dropped. */
    public record Converted(ImportedAdvisory advisory, int gitRangesSkipped) {
    }

    /** @throws IllegalArgumentException when the record has a value stella cannot read (the message says which) */
    public Converted convert(OsvRecord record, String source) {
        if (record.id() == null || record.id().isBlank()) {
            throw new IllegalArgumentException("the record has no id");
        }
        int gitRanges = 0;
        List<Affected> affected = new ArrayList<>();
        for (OsvAffected entry : list(record.affected())) {
            List<AffectedRange> ranges = new ArrayList<>();
            for (OsvRange range : list(entry.ranges())) {
                if ("GIT".equals(range.type())) {
                    gitRanges++;
                    continue;
                }
                ranges.add(range(range));
            }
            if (entry.pkg() == null || entry.pkg().ecosystem() == null || entry.pkg().name() == null) {
                continue; // an entry without a package carries only GIT ranges (counted above)
            }
            SeverityRating entrySeverity = rating(list(entry.severity()),
                    word(entry.ecosystemSpecific()).or(() -> word(entry.databaseSpecific())));
            affected.add(new Affected(entry.pkg().ecosystem(), entry.pkg().name(), ranges, list(entry.versions()),
                    entrySeverity == SeverityRating.UNKNOWN ? null : entrySeverity));
        }
        SeverityRating severity = rating(list(record.severity()), word(record.databaseSpecific()));
        if (severity == SeverityRating.UNKNOWN) {
            // A record that rates only its packages (distributions do) is as severe as its worst package.
            severity = affected.stream().map(Affected::severity).filter(Objects::nonNull)
                    .max(Comparator.comparing((SeverityRating r) -> rank(r.severity()))
                            .thenComparing(r -> r.score() == null ? -1.0 : r.score()))
                    .orElse(severity);
        }
        List<String> aliases = list(record.aliases()).stream()
                .sorted(Comparator.comparing((String alias) -> !alias.startsWith("CVE-"))).toList();
        List<String> references = list(record.references()).stream().map(OsvReference::url)
                .filter(Objects::nonNull).toList();
        Advisory advisory = new Advisory(record.id(), aliases, summary(record), severity,
                time(record.published(), "published"), time(record.modified(), "modified"),
                time(record.withdrawn(), "withdrawn"), source, references);
        return new Converted(new ImportedAdvisory(advisory, affected), gitRanges);
    }

    private static AffectedRange range(OsvRange range) {
        AffectedRange.Type type;
        try {
            type = AffectedRange.Type.valueOf(String.valueOf(range.type()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown range type '" + range.type() + "'");
        }
        List<RangeEvent> events = new ArrayList<>();
        for (Map<String, String> event : list(range.events())) {
            for (Map.Entry<String, String> e : event.entrySet()) {
                if (e.getValue() == null) {
                    throw new IllegalArgumentException("range event '" + e.getKey() + "' has no version");
                }
                events.add(new RangeEvent(kind(e.getKey()), e.getValue()));
            }
        }
        return new AffectedRange(type, events);
    }

    private static RangeEvent.Kind kind(String key) {
        return switch (key) {
            case "introduced" -> RangeEvent.Kind.INTRODUCED;
            case "fixed" -> RangeEvent.Kind.FIXED;
            case "last_affected" -> RangeEvent.Kind.LAST_AFFECTED;
            case "limit" -> RangeEvent.Kind.LIMIT;
            default -> throw new IllegalArgumentException("unknown range event '" + key + "'");
        };
    }

    /** The highest-scoring CVSS vector; else the word; else an unrated vector so it is not lost. */
    private SeverityRating rating(List<OsvSeverity> severities, Optional<Severity> word) {
        SeverityRating best = null;
        String unrated = null;
        Optional<Severity> named = Optional.empty();
        for (OsvSeverity s : severities) {
            if (s.score() == null) {
                continue;
            }
            if ("CVSS_V3".equals(s.type()) || "CVSS_V4".equals(s.type())) {
                Optional<SeverityRating> rated = vectorRating.apply(s.score());
                if (rated.isPresent() && (best == null || score(rated.get()) > score(best))) {
                    best = rated.get();
                } else if (rated.isEmpty() && unrated == null) {
                    unrated = s.score();
                }
            } else if ("Ubuntu".equals(s.type())) {
                named = Severity.parse(s.score());
            }
        }
        if (best != null) {
            return best;
        }
        Optional<Severity> text = named.or(() -> word);
        if (text.isPresent()) {
            return new SeverityRating(text.get(), null, unrated);
        }
        return unrated == null ? SeverityRating.UNKNOWN : new SeverityRating(Severity.UNKNOWN, null, unrated);
    }

    private static double score(SeverityRating rating) {
        return rating.score() == null ? -1 : rating.score();
    }

    private static Optional<Severity> word(JsonNode specific) {
        if (specific == null || !specific.path("severity").isTextual()) {
            return Optional.empty();
        }
        return Severity.parse(specific.path("severity").asText());
    }

    private static int rank(Severity severity) {
        return Severity.values().length - severity.ordinal();
    }

    private static String summary(OsvRecord record) {
        if (record.summary() != null && !record.summary().isBlank()) {
            return record.summary().strip();
        }
        if (record.details() == null || record.details().isBlank()) {
            return null;
        }
        String firstLine = record.details().strip().lines().findFirst().orElse("");
        return firstLine.length() > 200 ? firstLine.substring(0, 200) + "…" : firstLine;
    }

    private static Instant time(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            Instant time = OffsetDateTime.parse(text).toInstant();
            // The Go database writes 0001-01-01T00:00:00Z for "not given": not a time to show or to age data by.
            return time.isBefore(Instant.EPOCH) ? null : time;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + text + "' is not an RFC 3339 time");
        }
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
