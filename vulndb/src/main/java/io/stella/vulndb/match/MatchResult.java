package io.stella.vulndb.match;

import java.util.List;
import java.util.Map;

/**
 * What matching an inventory found.
 *
 * @param findings     affected packages, one per (package, advisory)
 * @param evaluated    how many packages were looked up in a covered ecosystem
 * @param notEvaluated packages per ecosystem the database does not cover ("unknown" when the package has no
 *                     ecosystem): counted, never silently clean
 * @param problems     advisories that could not be evaluated for a package
 */
public record MatchResult(List<Finding> findings, int evaluated, Map<String, Integer> notEvaluated,
                          List<MatchProblem> problems) {
    public MatchResult {
        findings = List.copyOf(findings);
        notEvaluated = Map.copyOf(notEvaluated);
        problems = List.copyOf(problems);
    }
}
