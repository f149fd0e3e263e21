package io.stella.cli.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stella.registry.failure.RegistryException;
import java.io.PrintWriter;
import java.util.Map;

/** Prints a failure as {@code CODE: message} + {@code hint:}, or as the JSON failure document. */
public final class FailurePrinter {
    private FailurePrinter() {
    }

    public static void printText(RegistryException e, PrintWriter err, boolean withEvidence) {
        err.println(e.code() + ": " + e.getMessage());
        err.println("hint: " + e.hint());
        if (withEvidence && !e.evidence().isEmpty()) {
            err.println("evidence:");
            for (Map.Entry<String, String> entry : e.evidence().entrySet()) {
                err.println("  " + entry.getKey() + ": " + entry.getValue());
            }
        }
        err.flush();
    }

    public static ObjectNode json(RegistryException e) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("status", "failed");
        ObjectNode error = root.putObject("error");
        error.put("code", e.code().name());
        error.put("message", e.getMessage());
        error.put("hint", e.hint());
        error.put("registry", e.registry());
        error.put("repository", e.repository());
        ObjectNode evidence = error.putObject("evidence");
        e.evidence().forEach(evidence::put);
        return root;
    }
}
