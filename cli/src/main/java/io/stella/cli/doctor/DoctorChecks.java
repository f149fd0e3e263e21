package io.stella.cli.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every check of {@code stella doctor}, in the order they run and print. */
public final class DoctorChecks {
    private static final String NO_REGISTRIES_FIX = "add registries: to config";

    private DoctorChecks() {
    }

    public static List<DoctorCheck> all() {
        return List.of(new RegistryAuthCheck(), new RegistryTlsCheck(), new CredentialsExpiryCheck(),
                new CredentialHelpersCheck(), new ClockSkewCheck(), new VulnDbFreshnessCheck(), new StoreCheck());
    }

    public static List<String> ids() {
        return all().stream().map(DoctorCheck::id).toList();
    }

    public static Optional<DoctorCheck> byId(String id) {
        return all().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Runs the checks; a registry check with no registry configured reports SKIP instead of nothing. */
    public static List<CheckResult> run(List<DoctorCheck> checks, DoctorContext context) {
        List<CheckResult> results = new ArrayList<>();
        for (DoctorCheck check : checks) {
            boolean perRegistry = !(check instanceof CredentialHelpersCheck || check instanceof VulnDbFreshnessCheck
                    || check instanceof StoreCheck);
            if (perRegistry && context.config().registries().isEmpty()) {
                results.add(CheckResult.skip(check.id(), "registries", "no registries configured in "
                        + context.config().source().map(Object::toString).orElse("the config"), NO_REGISTRIES_FIX));
                continue;
            }
            results.addAll(runOne(check, context));
        }
        return results;
    }

    /** A check that breaks is a failed check, not a failed doctor: the other checks still report. */
    private static List<CheckResult> runOne(DoctorCheck check, DoctorContext context) {
        try {
            return check.run(context);
        } catch (RuntimeException e) {
            return List.of(new CheckResult(check.id(), "-", CheckResult.Status.FAIL, "the check could not run: "
                    + e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : ""),
                    java.util.Map.of(), "Run it alone with --check " + check.id() + "; report the message if it persists."));
        }
    }

    public static CheckResult.Status worst(List<CheckResult> results) {
        return results.stream().map(CheckResult::status).reduce(CheckResult.Status.PASS, CheckResult.Status::worst);
    }
}
