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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
    private final VersionScheme semver;
    /**
     * Outcomes by what was looked up (ecosystem, names, versions): images of one registry share most of their
     * packages, so a registry scan evaluates each distinct package once. Bounded; the database does not
     * change under a matcher (imports replace the file, open connections keep reading the old one).
     */
    private final ConcurrentMap<Lookup, Outcome> memo = new ConcurrentHashMap<>();
    private static final int MEMO_LIMIT = 200_000;

    public Matcher(VulnerabilityStore store, VersionSchemes schemes) {
        this.store = store;
        this.schemes = schemes;
        this.coveredKeys = store.ecosystemKeys();
        this.semver = schemes.byId("semver").orElse(null);
    }

    /**
     * One package with the names it may be recorded under.
     *
     * @param alternative a second lookup (e.g. the binary name and version of a package whose query names its
     *                    source package), or null
     */
    public record Candidate(PackageQuery query, PackageQuery alternative) {
    }

    /** What matching one candidate gave: its findings and problems, or the ecosystem it could not be evaluated in. */
    private record Outcome(List<Finding> findings, List<MatchProblem> problems, String notEvaluatedIn) {
        /** The same outcome for another package with the same lookups (another image's copy of it). */
        Outcome boundTo(Candidate candidate) {
            List<Finding> bound = new ArrayList<>(findings.size());
            for (Finding f : findings) {
                bound.add(new Finding(rebind(f.pkg(), candidate), f.advisory(), f.installedVersion(), f.fixedVersion(),
                        f.severity()));
            }
            List<MatchProblem> boundProblems = new ArrayList<>(problems.size());
            for (MatchProblem p : problems) {
                boundProblems.add(new MatchProblem(rebind(p.pkg(), candidate), p.advisoryId(), p.reason()));
            }
            return new Outcome(bound, boundProblems, notEvaluatedIn);
        }

        private static PackageQuery rebind(PackageQuery matched, Candidate candidate) {
            return Lookup.same(matched, candidate.query()) ? candidate.query() : candidate.alternative();
        }
    }

    /** A candidate without its position in the inventory: what decides its outcome. */
    private record Lookup(String ecosystem, String name, String version, String altEcosystem, String altName,
                          String altVersion) {
        static Lookup of(Candidate c) {
            PackageQuery q = c.query();
            PackageQuery a = c.alternative();
            return new Lookup(q.ecosystem(), q.name(), q.version(), a == null ? null : a.ecosystem(),
                    a == null ? null : a.name(), a == null ? null : a.version());
        }

        static boolean same(PackageQuery a, PackageQuery b) {
            return java.util.Objects.equals(a.ecosystem(), b.ecosystem()) && a.name().equals(b.name())
                    && a.version().equals(b.version());
        }
    }

    /**
     * Matches every candidate. Lookups run on up to {@link VulnerabilityStore#parallelism()} virtual threads;
     * the result lists findings and problems in candidate order whatever the parallelism.
     */
    public MatchResult match(List<Candidate> candidates) {
        Outcome[] outcomes = new Outcome[candidates.size()];
        int workers = Math.min(store.parallelism(), Math.max(1, candidates.size() / 64));
        if (workers <= 1) {
            for (int i = 0; i < outcomes.length; i++) {
                outcomes[i] = outcome(candidates.get(i));
            }
        } else {
            matchInParallel(candidates, outcomes, workers);
        }
        List<Finding> findings = new ArrayList<>();
        List<MatchProblem> problems = new ArrayList<>();
        Map<String, Integer> notEvaluated = new TreeMap<>();
        int evaluated = 0;
        for (Outcome outcome : outcomes) {
            if (outcome.notEvaluatedIn() != null) {
                notEvaluated.merge(outcome.notEvaluatedIn(), 1, Integer::sum);
                continue;
            }
            evaluated++;
            findings.addAll(outcome.findings());
            problems.addAll(outcome.problems());
        }
        return new MatchResult(findings, evaluated, notEvaluated, problems);
    }

    private void matchInParallel(List<Candidate> candidates, Outcome[] outcomes, int workers) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> chunks = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int from = (int) ((long) candidates.size() * w / workers);
                int to = (int) ((long) candidates.size() * (w + 1) / workers);
                chunks.add(executor.submit(() -> {
                    for (int i = from; i < to; i++) {
                        outcomes[i] = outcome(candidates.get(i));
                    }
                }));
            }
            for (Future<?> chunk : chunks) {
                chunk.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while matching", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Outcome outcome(Candidate candidate) {
        Lookup lookup = Lookup.of(candidate);
        Outcome known = memo.get(lookup);
        if (known != null) {
            return known.boundTo(candidate);
        }
        Outcome fresh = evaluate(candidate);
        if (memo.size() >= MEMO_LIMIT) {
            memo.clear();
        }
        memo.put(lookup, fresh);
        return fresh;
    }

    private Outcome evaluate(Candidate candidate) {
        PackageQuery query = candidate.query();
        if (query.ecosystem() == null) {
            return new Outcome(List.of(), List.of(), UNKNOWN_ECOSYSTEM);
        }
        String key = Ecosystems.key(query.ecosystem());
        Optional<VersionScheme> scheme = schemes.forEcosystem(query.ecosystem());
        if (!coveredKeys.contains(key) || scheme.isEmpty()) {
            return new Outcome(List.of(), List.of(), key);
        }
        AffectedEvaluator evaluator = new AffectedEvaluator(scheme.get(), semver);
        Set<String> seen = new HashSet<>();
        List<Finding> findings = new ArrayList<>();
        List<MatchProblem> problems = new ArrayList<>();
        evaluate(query, key, evaluator, seen, findings, problems);
        if (candidate.alternative() != null) {
            evaluate(candidate.alternative(), key, evaluator, seen, findings, problems);
        }
        return new Outcome(findings, problems, null);
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
