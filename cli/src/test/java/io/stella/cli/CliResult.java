package io.stella.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** What one in-process run of the CLI produced. */
record CliResult(List<String> args, int exitCode, String out, String err) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** stdout parsed as one JSON document. */
    JsonNode json() {
        try {
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException("stdout is not JSON:\n" + this, e);
        }
    }

    /** The failure document's {@code error} object (stdout, --format json). */
    JsonNode error() {
        JsonNode root = json();
        if (!"failed".equals(root.path("status").asText())) {
            throw new AssertionError("not a failure document:\n" + this);
        }
        return root.path("error");
    }

    @Override
    public String toString() {
        return "stella " + String.join(" ", args) + "\n--- exit " + exitCode + "\n--- stdout:\n" + out
                + "\n--- stderr:\n" + err;
    }
}
