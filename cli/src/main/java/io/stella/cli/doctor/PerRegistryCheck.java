package io.stella.cli.doctor;

import java.util.List;

/** A check with one result per configured registry. */
interface PerRegistryCheck extends DoctorCheck {

    /** The result for one registry; a problem found is a result, never an exception. */
    CheckResult check(DoctorContext context, RegistryTarget target);

    @Override
    default List<CheckResult> run(DoctorContext context) {
        return context.targets().stream().map(target -> check(context, target)).toList();
    }
}
