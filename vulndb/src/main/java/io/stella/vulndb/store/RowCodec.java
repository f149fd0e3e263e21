package io.stella.vulndb.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stella.vulndb.model.AffectedRange;
import io.stella.vulndb.model.RangeEvent;
import io.stella.vulndb.model.Severity;
import io.stella.vulndb.model.SeverityRating;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        try (JsonParser parser = JSON.getFactory().createParser(json)) {
            expect(parser.nextToken(), JsonToken.START_ARRAY);
            List<String> values = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                values.add(parser.getValueAsString());
            }
            return values;
        } catch (IOException e) {
            throw damaged(e);
        }
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

    /** Read with a streaming parser: this runs for every advisory entry a scan looks at. */
    static List<AffectedRange> ranges(String json) {
        try (JsonParser parser = JSON.getFactory().createParser(json)) {
            expect(parser.nextToken(), JsonToken.START_ARRAY);
            List<AffectedRange> ranges = new ArrayList<>();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                AffectedRange.Type type = null;
                List<RangeEvent> events = new ArrayList<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if (field.equals("type")) {
                        type = AffectedRange.Type.valueOf(parser.getText());
                    } else if (field.equals("events")) {
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            expect(parser.nextToken(), JsonToken.FIELD_NAME);
                            RangeEvent.Kind kind = RangeEvent.Kind.valueOf(parser.currentName().toUpperCase(Locale.ROOT));
                            parser.nextToken();
                            events.add(new RangeEvent(kind, parser.getText()));
                            expect(parser.nextToken(), JsonToken.END_OBJECT);
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
                if (type == null) {
                    throw damaged(new IOException("a range without a type"));
                }
                ranges.add(new AffectedRange(type, events));
            }
            return ranges;
        } catch (IOException | IllegalArgumentException e) {
            throw damaged(e);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + " but found " + actual);
        }
    }

    private static UncheckedIOException damaged(Exception cause) {
        return new UncheckedIOException("a JSON column of the vulnerability database is damaged",
                cause instanceof IOException io ? io : new IOException(cause));
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

}
