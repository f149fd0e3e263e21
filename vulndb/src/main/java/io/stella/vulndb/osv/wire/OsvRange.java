package io.stella.vulndb.osv.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/** An OSV range: each event is an object with one key (introduced, fixed, last_affected, limit). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OsvRange(String type, String repo, List<Map<String, String>> events) {
}
