package io.stella.vulndb.cvss;

/**
 * The CVSS v4.0 MacroVector: the equivalence class (EQ1 to EQ6) a vector falls into, as the
 * specification's section "CVSS v4.0 Scoring" defines them.
 */
record MacroVector(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) {

    static MacroVector of(Cvss4Vector v) {
        return new MacroVector(eq1(v), eq2(v), eq3(v), eq4(v), eq5(v), eq6(v));
    }

    /** The six digits, the key of the specification's lookup table. */
    String code() {
        return "" + eq1 + eq2 + eq3 + eq4 + eq5 + eq6;
    }

    private static int eq1(Cvss4Vector v) {
        boolean av = is(v, "AV", "N");
        boolean pr = is(v, "PR", "N");
        boolean ui = is(v, "UI", "N");
        if (av && pr && ui) {
            return 0;
        }
        if ((av || pr || ui) && !is(v, "AV", "P")) {
            return 1;
        }
        return 2;
    }

    private static int eq2(Cvss4Vector v) {
        return is(v, "AC", "L") && is(v, "AT", "N") ? 0 : 1;
    }

    private static int eq3(Cvss4Vector v) {
        boolean vc = is(v, "VC", "H");
        boolean vi = is(v, "VI", "H");
        if (vc && vi) {
            return 0;
        }
        return vc || vi || is(v, "VA", "H") ? 1 : 2;
    }

    private static int eq4(Cvss4Vector v) {
        // Safety can only be stated through the environmental MSI/MSA metrics
        if (v.written("MSI").equals("S") || v.written("MSA").equals("S")) {
            return 0;
        }
        return is(v, "SC", "H") || is(v, "SI", "H") || is(v, "SA", "H") ? 1 : 2;
    }

    private static int eq5(Cvss4Vector v) {
        return switch (v.effective("E")) {
            case "A" -> 0;
            case "P" -> 1;
            default -> 2;
        };
    }

    private static int eq6(Cvss4Vector v) {
        boolean high = (is(v, "CR", "H") && is(v, "VC", "H"))
                || (is(v, "IR", "H") && is(v, "VI", "H"))
                || (is(v, "AR", "H") && is(v, "VA", "H"));
        return high ? 0 : 1;
    }

    private static boolean is(Cvss4Vector v, String metric, String value) {
        return v.effective(metric).equals(value);
    }
}
