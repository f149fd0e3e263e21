package io.stella.vulndb.secdb.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * A secdb package: {@code name} is the apk origin (source package); {@code secfixes} maps the version that
 * fixed them to the vulnerability ids, each item possibly several ids or an id with a comment.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SecdbPackage(String name, Map<String, List<String>> secfixes) {
}
