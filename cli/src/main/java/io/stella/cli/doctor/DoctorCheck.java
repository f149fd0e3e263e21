package io.stella.cli.doctor;

import java.util.List;

/** One thing {@code stella doctor} examines; it reports one result per subject (a registry, a helper, the store). */
public interface DoctorCheck {

    /** Stable id, e.g. {@code check.scanner.store}. */
    String id();

    String description();

    /** Never throws for what it examines: a problem found is a result. */
    List<CheckResult> run(DoctorContext context);
}
