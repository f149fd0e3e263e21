package io.stella.vulndb.match;

import io.stella.vulndb.model.Ecosystems;
import io.stella.vulndb.model.SeverityRating;
import io.stella.vulndb.store.AffectedEntry;
import io.stella.vulndb.store.VulnerabilityStore;
import io.stella.vulndb.version.VersionScheme;
import io.stella.vulndb.version.VersionSchemes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Matches installed packages against the vulnerability database.
 *
 * <p>Each package is looked up in its ecosystem's key ({@link Ecosystems#key}) by its normalised name, and,
 * when it has one, by an alternative name (the binary name of a distribution package whose query names the
 * source package: Debian and Alpine records name source packages, Red Hat-family records binary ones).
 * A package whose ecosystem the database does not hold, or whose ecosystem has no version scheme, is
 * counted as not evaluated: it is never reported clean.
 */
public final class Matcher {
    /** The name under which packages without an ecosystem are counted as not evaluated. */
    public static final String UNKNOWN_ECOSYSTEM = "unknown";

    private final VulnerabilityStore store;
    private final VersionSchemes schemes;
    private final Set<String> coveredKeys;

    public Matcher(VulnerabilityStore store, VersionSchemes schemes) {
        this.store = store;
        this.schemes = schemes;
        this.coveredKeys = store.ecosystemKeys();
    }

    /**
     * One package with the names it may be recorded under.
     *
     * @param alternative a second lookup (e.g. the binary name and version of a package whose query names its
     *                    source package), or null
     */
    public record Candidate(PackageQuery query, PackageQuery alternative) {
    }

    public MatchResult match(List<Candidate> candidates) {
        List<Finding> findings = new ArrayList<>();
        List<MatchProblem> problems = new ArrayList<>();
        Map<String, Integer> notEvaluated = new TreeMap<>();
        int evaluated = 0;
        Optional<VersionScheme> semver = schemes.byId("semver");
        for (Candidate candidate : candidates) {
            PackageQuery query = candidate.query();
            if (query.ecosystem() == null) {
                notEvaluated.merge(UNKNOWN_ECOSYSTEM, 1, Integer::sum);
                continue;
            }
            String key = Ecosystems.key(query.ecosystem());
            Optional<VersionScheme> scheme = schemes.forEcosystem(query.ecosystem());
            if (!coveredKeys.contains(key) || scheme.isEmpty()) {
                notEvaluated.merge(key, 1, Integer::sum);
                continue;
            }
            evaluated++;
            AffectedEvaluator evaluator = new AffectedEvaluator(scheme.get(), semver.orElse(null));
            Set<String> seen = new HashSet<>();
            evaluate(query, key, evaluator, seen, findings, problems);
            if (candidate.alternative() != null) {
                evaluate(candidate.alternative(), key, evaluator, seen, findings, problems);
            }
        }
        return new MatchResult(findings, evaluated, notEvaluated, problems);
    }

    private void evaluate(PackageQuery query, String key, AffectedEvaluator evaluator, Set<String> seen,
                          List<Finding> findings, List<MatchProblem> problems) {
        String name = Ecosystems.normalizeName(query.ecosystem(), query.name());
        for (AffectedEntry entry : store.affecting(key, name)) {
            String id = entry.advisory().id();
            if (seen.contains(id)) {
                continue;
            }
            switch (evaluator.evaluate(entry.affected(), query.version())) {
                case Verdict.Affected hit -> {
                    seen.add(id);
                    SeverityRating severity = entry.affected().severity() != null
                            ? entry.affected().severity() : entry.advisory().severity();
                    findings.add(new Finding(query, entry.advisory(), query.version(), hit.fixedVersion(), severity));
                }
                case Verdict.CannotCompare cannot -> problems.add(new MatchProblem(query, id, cannot.reason()));
                case Verdict.NotAffected ignored -> {
                }
            }
        }
    }
}
