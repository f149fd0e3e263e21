package io.stella.vulndb.version;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The conformance check itself: it must catch mismatches and refuse known differences that do not differ. */
class ConformanceTest {
    private static final List<VectorRow> ROWS = List.of(
            new VectorRow("1", "2", -1, "test"),
            new VectorRow("2", "2", 0, "test"));
    private static final Conformance.Comparison NUMERIC = (a, b) -> Integer.compare(Integer.parseInt(a),
            Integer.parseInt(b));

    @Test
    void passesWhenEveryRowHolds() {
        assertThatCode(() -> Conformance.assertConforms("rows", ROWS, NUMERIC, Conformance.known()))
                .doesNotThrowAnyException();
    }

    @Test
    void failsWithTheMismatchAndTheCount() {
        Conformance.Comparison reversed = (a, b) -> NUMERIC.compare(b, a);
        assertThatThrownBy(() -> Conformance.assertConforms("rows", ROWS, reversed, Conformance.known()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 of 2 rows do not match")
                .hasMessageContaining("'1' vs '2': expected -1, got 1");
    }

    @Test
    void failsWhenAComparisonOnlyHoldsOneWay() {
        Conformance.Comparison lopsided = (a, b) -> a.equals("2") && b.equals("1") ? 0 : NUMERIC.compare(a, b);
        assertThatThrownBy(() -> Conformance.assertConforms("rows", ROWS, lopsided, Conformance.known()))
                .hasMessageContaining("reverse 0");
    }

    @Test
    void refusesAKnownDifferenceThatDoesNotDiffer() {
        assertThatThrownBy(() -> Conformance.assertConforms("rows", ROWS, NUMERIC,
                Conformance.known("1\t2", "claimed to differ")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("really differ");
    }

    @Test
    void refusesAKnownDifferenceThatIsNotInTheFile() {
        assertThatThrownBy(() -> Conformance.assertConforms("rows", ROWS, NUMERIC,
                Conformance.known("7\t8", "not a row")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("present in the file");
    }

    @Test
    void acceptsAKnownDifferenceThatDiffers() {
        Conformance.Comparison wrongOnFirst = (a, b) -> a.equals("1") || b.equals("1") ? 0 : NUMERIC.compare(a, b);
        assertThatCode(() -> Conformance.assertConforms("rows", ROWS, wrongOnFirst,
                Conformance.known("1\t2", "this comparison cannot tell 1 from 2")))
                .doesNotThrowAnyException();
    }
}
