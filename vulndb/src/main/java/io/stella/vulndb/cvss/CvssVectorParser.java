package io.stella.vulndb.cvss;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Splits a vector string into its metrics and checks them against a version's definitions: every
 * mandatory metric present, each metric once, only defined metrics and values. Metric order is not
 * enforced, since databases do not always keep the specification's order.
 */
final class CvssVectorParser {
    private CvssVectorParser() {
    }

    static Map<String, String> parse(String vector, MetricDefinitions definitions) throws InvalidCvssVectorException {
        String prefix = definitions.prefix() + "/";
        if (!vector.startsWith(prefix)) {
            throw new InvalidCvssVectorException("does not start with " + prefix);
        }
        Map<String, String> metrics = new LinkedHashMap<>();
        for (String part : vector.substring(prefix.length()).split("/", -1)) {
            int colon = part.indexOf(':');
            if (colon <= 0 || colon == part.length() - 1) {
                throw new InvalidCvssVectorException("'" + part + "' is not a metric:value pair");
            }
            String metric = part.substring(0, colon);
            String value = part.substring(colon + 1);
            Set<String> allowed = definitions.allowedValues().get(metric);
            if (allowed == null) {
                throw new InvalidCvssVectorException("unknown metric " + metric + " for " + definitions.prefix());
            }
            if (!allowed.contains(value)) {
                throw new InvalidCvssVectorException("metric " + metric + " has value " + value
                        + "; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
            }
            if (metrics.putIfAbsent(metric, value) != null) {
                throw new InvalidCvssVectorException("metric " + metric + " appears more than once");
            }
        }
        for (String metric : definitions.mandatory()) {
            if (!metrics.containsKey(metric)) {
                throw new InvalidCvssVectorException("mandatory base metric " + metric + " is missing");
            }
        }
        return metrics;
    }
}
