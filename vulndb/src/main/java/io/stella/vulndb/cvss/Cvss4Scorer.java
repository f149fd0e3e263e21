package io.stella.vulndb.cvss;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * CVSS v4.0 scores per the FIRST specification: the MacroVector's score from the lookup table, lowered
 * by the mean proportional severity distance of the vector from the highest vector of its MacroVector
 * towards the next lower MacroVector of each EQ.
 *
 * <p>Threat and environmental metrics are applied as the specification says (the result is then
 * CVSS-BT, -BE or -BTE); supplemental metrics never change the score. The floating-point operations
 * follow the reference calculator's order so that results agree to the last digit.
 */
final class Cvss4Scorer {
    private static final double STEP = 0.1;
    private static final List<String> IMPACTS = List.of("VC", "VI", "VA", "SC", "SI", "SA");
    private static final List<String> DISTANCE_METRICS =
            List.of("AV", "PR", "UI", "AC", "AT", "VC", "VI", "VA", "SC", "SI", "SA", "CR", "IR", "AR");

    private Cvss4Scorer() {
    }

    static double score(String vector) throws InvalidCvssVectorException {
        return score(Cvss4Vector.parse(vector));
    }

    static double score(Cvss4Vector v) {
        if (IMPACTS.stream().allMatch(metric -> v.effective(metric).equals("N"))) {
            return 0.0;
        }
        MacroVector mv = MacroVector.of(v);
        double value = Cvss4ScoreTable.score(mv.code()).orElseThrow();

        OptionalDouble lowerEq1 = Cvss4ScoreTable.score(
                new MacroVector(mv.eq1() + 1, mv.eq2(), mv.eq3(), mv.eq4(), mv.eq5(), mv.eq6()).code());
        OptionalDouble lowerEq2 = Cvss4ScoreTable.score(
                new MacroVector(mv.eq1(), mv.eq2() + 1, mv.eq3(), mv.eq4(), mv.eq5(), mv.eq6()).code());
        OptionalDouble lowerEq3eq6 = nextLowerEq3Eq6(mv);
        OptionalDouble lowerEq4 = Cvss4ScoreTable.score(
                new MacroVector(mv.eq1(), mv.eq2(), mv.eq3(), mv.eq4() + 1, mv.eq5(), mv.eq6()).code());
        OptionalDouble lowerEq5 = Cvss4ScoreTable.score(
                new MacroVector(mv.eq1(), mv.eq2(), mv.eq3(), mv.eq4(), mv.eq5() + 1, mv.eq6()).code());

        Map<String, Double> d = distancesFromHighest(v, mv);
        double distanceEq1 = d.get("AV") + d.get("PR") + d.get("UI");
        double distanceEq2 = d.get("AC") + d.get("AT");
        double distanceEq3eq6 = d.get("VC") + d.get("VI") + d.get("VA") + d.get("CR") + d.get("IR") + d.get("AR");
        double distanceEq4 = d.get("SC") + d.get("SI") + d.get("SA");

        int lowerCount = 0;
        double normalizedEq1 = 0;
        double normalizedEq2 = 0;
        double normalizedEq3eq6 = 0;
        double normalizedEq4 = 0;
        double normalizedEq5 = 0;
        if (lowerEq1.isPresent()) {
            lowerCount++;
            normalizedEq1 = (value - lowerEq1.getAsDouble())
                    * (distanceEq1 / (Cvss4HighestVectors.eq1Depth(mv) * STEP));
        }
        if (lowerEq2.isPresent()) {
            lowerCount++;
            normalizedEq2 = (value - lowerEq2.getAsDouble())
                    * (distanceEq2 / (Cvss4HighestVectors.eq2Depth(mv) * STEP));
        }
        if (lowerEq3eq6.isPresent()) {
            lowerCount++;
            normalizedEq3eq6 = (value - lowerEq3eq6.getAsDouble())
                    * (distanceEq3eq6 / (Cvss4HighestVectors.eq3eq6Depth(mv) * STEP));
        }
        if (lowerEq4.isPresent()) {
            lowerCount++;
            normalizedEq4 = (value - lowerEq4.getAsDouble())
                    * (distanceEq4 / (Cvss4HighestVectors.eq4Depth(mv) * STEP));
        }
        if (lowerEq5.isPresent()) {
            // EQ5 has a single value per class: it counts towards the mean but moves nothing
            lowerCount++;
        }
        double meanDistance = lowerCount == 0 ? 0
                : (normalizedEq1 + normalizedEq2 + normalizedEq3eq6 + normalizedEq4 + normalizedEq5) / lowerCount;
        value = Math.min(10.0, Math.max(0.0, value - meanDistance));
        // Half-up to one decimal; the epsilon lifts results one ULP below an x.x5 tie, as the reference does.
        return Math.round((value + 1e-6) * 10) / 10.0;
    }

    /** EQ3 and EQ6 step down together: 00 to 01 or 10 (the higher-scoring), 01 and 11 to EQ3+1, 10 to 11. */
    private static OptionalDouble nextLowerEq3Eq6(MacroVector mv) {
        int eq3 = mv.eq3();
        int eq6 = mv.eq6();
        if (eq3 == 0 && eq6 == 0) {
            OptionalDouble left = Cvss4ScoreTable.score(
                    new MacroVector(mv.eq1(), mv.eq2(), eq3, mv.eq4(), mv.eq5(), eq6 + 1).code());
            OptionalDouble right = Cvss4ScoreTable.score(
                    new MacroVector(mv.eq1(), mv.eq2(), eq3 + 1, mv.eq4(), mv.eq5(), eq6).code());
            if (left.isPresent() && right.isPresent() && left.getAsDouble() > right.getAsDouble()) {
                return left;
            }
            return right;
        }
        MacroVector lower = eq3 == 1 && eq6 == 0
                ? new MacroVector(mv.eq1(), mv.eq2(), eq3, mv.eq4(), mv.eq5(), eq6 + 1)
                : new MacroVector(mv.eq1(), mv.eq2(), eq3 + 1, mv.eq4(), mv.eq5(), eq6);
        return Cvss4ScoreTable.score(lower.code());
    }

    /**
     * Severity distances from the first highest vector of the MacroVector that is at least as severe as
     * the vector in every metric (the last candidate when none is, as the reference calculator does).
     */
    private static Map<String, Double> distancesFromHighest(Cvss4Vector v, MacroVector mv) {
        Map<String, Double> distances = Map.of();
        for (Map<String, String> highest : Cvss4HighestVectors.candidates(mv)) {
            distances = new java.util.HashMap<>();
            boolean allAtMostAsSevere = true;
            for (String metric : DISTANCE_METRICS) {
                double distance = Cvss4SeverityLevels.distance(metric, v.effective(metric), highest.get(metric));
                distances.put(metric, distance);
                allAtMostAsSevere &= distance >= 0;
            }
            if (allAtMostAsSevere) {
                break;
            }
        }
        return distances;
    }
}
