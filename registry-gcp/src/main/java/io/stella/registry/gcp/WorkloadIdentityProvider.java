package io.stella.registry.gcp;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A workload identity pool provider's resource name, and the STS audience and principals derived from it. */
record WorkloadIdentityProvider(String projectNumber, String pool, String provider) {
    private static final Pattern NAME = Pattern.compile(
            "(?://iam\\.googleapis\\.com/)?projects/([0-9]+)/locations/global/workloadIdentityPools/([^/]+)/providers/([^/]+)");

    static boolean isValid(String name) {
        return NAME.matcher(name).matches();
    }

    static WorkloadIdentityProvider parse(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a workload identity provider name");
        }
        return new WorkloadIdentityProvider(m.group(1), m.group(2), m.group(3));
    }

    /** The resource name, {@code projects/…/providers/…}. */
    String name() {
        return "projects/" + projectNumber + "/locations/global/workloadIdentityPools/" + pool + "/providers/" + provider;
    }

    /** The STS audience, {@code //iam.googleapis.com/projects/…/providers/…}. */
    String audience() {
        return "//iam.googleapis.com/" + name();
    }

    /** The principal of one federated subject, as IAM bindings name it. */
    String principal(String subject) {
        return "principal://iam.googleapis.com/projects/" + projectNumber + "/locations/global/workloadIdentityPools/"
                + pool + "/subject/" + subject;
    }

    /** All identities of the pool, as IAM bindings name them. */
    String principalSet() {
        return "principalSet://iam.googleapis.com/projects/" + projectNumber + "/locations/global/workloadIdentityPools/"
                + pool + "/*";
    }
}
