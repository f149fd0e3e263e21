package io.stella.cli.doctor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stella.cli.output.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints doctor results as a table (details for what is not PASS, or for all with verbose) or as JSON. */
public final class DoctorReport {
    private DoctorReport() {
    }

    public static void table(List<CheckResult> results, boolean verbose, PrintWriter out) {
        int checkWidth = Math.max(5, results.stream().mapToInt(r -> r.checkId().length()).max().orElse(0));
        int subjectWidth = Math.max(7, results.stream().mapToInt(r -> r.subject().length()).max().orElse(0));
        String row = "%-" + checkWidth + "s  %-" + subjectWidth + "s  %-6s  %s%n";
        out.printf(row, "CHECK", "SUBJECT", "STATUS", "SUMMARY");
        for (CheckResult r : results) {
            out.printf(row, r.checkId(), r.subject(), r.status().name(), r.summary());
        }
        for (CheckResult r : results) {
            boolean problem = r.status() == CheckResult.Status.WARN || r.status() == CheckResult.Status.FAIL;
            if (!problem && !verbose) {
                continue;
            }
            out.println();
            out.println(r.status().name() + " " + r.checkId() + " [" + r.subject() + "]: " + r.summary());
            r.evidence().forEach((k, v) -> out.println("  " + k + ": " + v));
            if (r.fix() != null) {
                out.println("  fix: " + r.fix());
            }
        }
        out.println();
        long skipped = results.stream().filter(r -> r.status() == CheckResult.Status.SKIP).count();
        CheckResult.Status worst = DoctorChecks.worst(results);
        // a skipped check is not a problem found: say what the others found, and how many were skipped
        out.println(worst == CheckResult.Status.SKIP
                ? "Worst: " + (skipped == results.size() ? "SKIP (no check could run)" : "PASS (" + skipped + " skipped)")
                : "Worst: " + worst.name());
        out.flush();
    }

    public static void json(List<CheckResult> results, PrintWriter out) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode checks = root.putArray("checks");
        for (CheckResult r : results) {
            ObjectNode node = checks.addObject();
            node.put("check", r.checkId());
            node.put("subject", r.subject());
            node.put("status", r.status().label());
            node.put("summary", r.summary());
            ObjectNode evidence = node.putObject("evidence");
            r.evidence().forEach(evidence::put);
            node.put("fix", r.fix());
        }
        root.put("worst", DoctorChecks.worst(results).name().toLowerCase(Locale.ROOT));
        Json.print(root, out);
    }
}
