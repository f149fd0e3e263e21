package io.stella.vulndb.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stella.vulndb.model.AffectedRange;
import io.stella.vulndb.model.RangeEvent;
import io.stella.vulndb.model.Severity;
import io.stella.vulndb.model.SeverityRating;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The column formats of the database: lists as JSON text (ranges in OSV's own shape), times as epoch
 * milliseconds. Explicit, so renaming a model field never changes what is stored.
 */
final class RowCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RowCodec() {
    }

    static String strings(List<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array.toString();
    }

    static List<String> strings(String json) {
        List<String> values = new ArrayList<>();
        read(json).forEach(node -> values.add(node.asText()));
        return values;
    }

    static String ranges(List<AffectedRange> ranges) {
        ArrayNode array = JSON.createArrayNode();
        for (AffectedRange range : ranges) {
            ObjectNode node = array.addObject();
            node.put("type", range.type().name());
            ArrayNode events = node.putArray("events");
            for (RangeEvent event : range.events()) {
                events.addObject().put(event.kind().name().toLowerCase(Locale.ROOT), event.version());
            }
        }
        return array.toString();
    }

    static List<AffectedRange> ranges(String json) {
        List<AffectedRange> ranges = new ArrayList<>();
        for (JsonNode node : read(json)) {
            List<RangeEvent> events = new ArrayList<>();
            for (JsonNode event : node.path("events")) {
                Map.Entry<String, JsonNode> field = event.properties().iterator().next();
                events.add(new RangeEvent(RangeEvent.Kind.valueOf(field.getKey().toUpperCase(Locale.ROOT)),
                        field.getValue().asText()));
            }
            ranges.add(new AffectedRange(AffectedRange.Type.valueOf(node.path("type").asText()), events));
        }
        return ranges;
    }

    static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    static Instant instant(long millis, boolean wasNull) {
        return wasNull ? null : Instant.ofEpochMilli(millis);
    }

    static SeverityRating rating(String severity, Double score, String vector) {
        return severity == null ? null : new SeverityRating(Severity.valueOf(severity), score, vector);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a JSON column of the vulnerability database is damaged", e);
        }
    }
}
