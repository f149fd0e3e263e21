package io.stella.scan.registry.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stella.scan.registry.RegistryScanResult;
import io.stella.scan.store.ImageRecord;
import io.stella.scan.store.SeverityCounts;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The JSON report of a registry scan: the run, the totals, failures grouped by code with their fix,
 * and per image its reference, digest, status, failure or skip reason, and counts by severity.
 */
public final class RegistryScanJsonWriter {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    private RegistryScanJsonWriter() {
    }

    public static void write(RegistryScanResult result, OutputStream out) throws IOException {
        JSON.writeValue(out, document(result));
        out.write('\n');
        out.flush();
    }

    public static ObjectNode document(RegistryScanResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("registry", result.registry());
        root.put("host", result.host());
        root.put("mode", result.mode());
        root.put("run_id", result.run().id());
        root.put("resumed", result.run().resumed());
        root.put("started_at", result.run().startedAt().toString());
        result.run().finishedAt().ifPresent(t -> root.put("finished_at", t.toString()));
        root.put("discovered_by", result.discoveredBy());
        ObjectNode summary = root.putObject("summary");
        summary.put("total", result.totals().total());
        summary.put("success", result.totals().success());
        summary.put("failed", result.totals().failed());
        summary.put("skipped", result.totals().skipped());
        summary.put("layers_read", result.layersRead());
        summary.put("layers_reused", result.layersReused());
        summary.put("elapsed_ms", result.elapsed().toMillis());
        ArrayNode failures = root.putArray("failures");
        for (FailureGroup group : FailureGroup.of(result.records())) {
            ObjectNode g = failures.addObject();
            g.put("code", group.code());
            g.put("count", group.images().size());
            g.put("summary", group.summary());
            g.put("hint", group.hint());
            ArrayNode refs = g.putArray("images");
            group.images().forEach(r -> refs.add(ImageReferences.of(result.host(), r)));
        }
        ArrayNode images = root.putArray("images");
        for (ImageRecord r : result.records()) {
            images.add(image(result.host(), r));
        }
        return root;
    }

    private static ObjectNode image(String host, ImageRecord r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("reference", ImageReferences.of(host, r));
        node.put("repository", r.repository());
        ArrayNode tags = node.putArray("tags");
        r.tags().forEach(tags::add);
        putNullable(node, "digest", r.digest());
        putNullable(node, "platform", r.platform());
        putNullable(node, "created", r.created() == null ? null : r.created().toString());
        node.put("status", r.status().name());
        if (r.failureCode() != null) {
            ObjectNode failure = node.putObject("failure");
            failure.put("code", r.failureCode());
            failure.put("message", r.failureMessage());
        }
        putNullable(node, "skip_reason", r.skipReason());
        SeverityCounts c = r.counts();
        if (c != null) {
            ObjectNode counts = node.putObject("vulnerabilities");
            counts.put("critical", c.critical());
            counts.put("high", c.high());
            counts.put("medium", c.medium());
            counts.put("low", c.low());
            counts.put("unknown", c.unknown());
            counts.put("total", c.total());
        }
        ObjectNode timings = node.putObject("timings_ms");
        timings.put("analyze", r.analyzeMillis());
        timings.put("match", r.matchMillis());
        return node;
    }

    private static void putNullable(ObjectNode node, String key, String value) {
        if (value == null) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }
}
