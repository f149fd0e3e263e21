package io.stella.vulndb.cvss;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metrics one CVSS version allows in a vector string.
 *
 * @param prefix        the version prefix, e.g. {@code CVSS:3.1}
 * @param allowedValues every metric abbreviation the version defines, with its allowed values
 * @param mandatory     the base metrics that must be present
 */
record MetricDefinitions(String prefix, Map<String, Set<String>> allowedValues, List<String> mandatory) {
    MetricDefinitions {
        allowedValues = Map.copyOf(allowedValues);
        mandatory = List.copyOf(mandatory);
    }
}
