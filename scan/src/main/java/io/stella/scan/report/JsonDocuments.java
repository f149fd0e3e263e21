package io.stella.scan.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.OutputStream;

/** Writes a JSON report document the way every JSON format does: pretty, ending in a newline, stream left open. */
public final class JsonDocuments {
    private static final ObjectWriter JSON = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .writerWithDefaultPrettyPrinter();

    private JsonDocuments() {
    }

    public static void write(Object document, OutputStream out) throws IOException {
        JSON.writeValue(out, document);
        out.write('\n');
        out.flush();
    }
}
