package io.stella.vulndb.match;

/** An advisory the matcher could not evaluate for a package (a version it cannot order): never "not affected". */
public record MatchProblem(PackageQuery pkg, String advisoryId, String reason) {
}
