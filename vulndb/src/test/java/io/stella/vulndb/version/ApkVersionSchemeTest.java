package io.stella.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApkVersionSchemeTest {
    private final ApkVersionScheme scheme = new ApkVersionScheme();

    @Test
    void everyRowOfApkVectorsHoldsBothWays() {
        Conformance.assertConforms("apk.tsv", scheme::compare);
    }

    @Test
    void validityMatchesApkTools() {
        List<String[]> rows = VectorFiles.lines("apk-validity.tsv");
        List<String> wrong = new ArrayList<>();
        for (String[] row : rows) {
            boolean expected = row[1].equals("valid");
            if (scheme.isValid(row[0]) != expected) {
                wrong.add("'" + row[0] + "' should be " + row[1]);
            }
        }
        assertThat(rows).hasSize(31);
        assertThat(wrong).as("apk-validity.tsv mismatches").isEmpty();
    }

    @Test
    void rejectsEmptyVersions() {
        InvalidVersions.assertRejected(scheme, "", "empty");
    }

    @Test
    void suffixesOrderAroundTheRelease() throws InvalidVersionException {
        String[] ascending = {"1.0_alpha1", "1.0_beta", "1.0_pre2", "1.0_rc1", "1.0", "1.0-r1", "1.0_cvs",
                "1.0_svn", "1.0_git", "1.0_hg", "1.0_p1", "1.0a", "1.0b", "1.1"};
        for (int i = 0; i + 1 < ascending.length; i++) {
            assertThat(scheme.compare(ascending[i], ascending[i + 1]))
                    .as("%s < %s", ascending[i], ascending[i + 1]).isNegative();
        }
    }
}
