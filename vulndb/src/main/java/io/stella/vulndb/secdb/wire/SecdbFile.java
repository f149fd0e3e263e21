package io.stella.vulndb.secdb.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One Alpine secdb file ({@code v3.10/main.yaml}) as the YAML gives it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SecdbFile(String distroversion, String reponame, List<SecdbPackageEntry> packages) {
}
