package io.stella.vulndb.match;

/** The outcome of evaluating one advisory entry against one installed version. */
sealed interface Verdict {
    record Affected(String fixedVersion) implements Verdict {
    }

    record NotAffected() implements Verdict {
    }

    record CannotCompare(String reason) implements Verdict {
    }

    NotAffected NOT_AFFECTED = new NotAffected();
}
