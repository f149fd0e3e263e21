package io.stella.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoVersionSchemeTest {
    private final GoVersionScheme scheme = new GoVersionScheme();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "v1.2.3|1.2.3|0",
            "v2.0.0+incompatible|2.0.0|0",
            "v0.0.0-20191109021931-daa7c04131f5|0.0.0|-1",
            "v0.0.0-20191109021931-daa7c04131f5|v0.0.0-20200101000000-aaaaaaaaaaaa|-1",
            "v1.2.4-0.20191109021931-daa7c04131f5|v1.2.3|1",
            "v1.2.4-0.20191109021931-daa7c04131f5|v1.2.4|-1",
            "v1.2.4-pre.0.20191109021931-daa7c04131f5|v1.2.4-pre|1",
            "v1.10.0|v1.9.9|1",
            "v1|v1.0.0|0",
            "v1.2|v1.2.0|0",
            "v1.0.0-rc.1|v1.0.0-beta.2|1"})
    void ordersModuleVersions(String a, String b, int expected) throws InvalidVersionException {
        assertThat(Integer.signum(scheme.compare(a, b))).isEqualTo(expected);
        assertThat(Integer.signum(scheme.compare(b, a))).isEqualTo(-expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|empty",
            "v|empty",
            "1.2|expected major.minor.patch",
            "v1.2-pre|expected major.minor.patch",
            "v01.2.3|leading zeros",
            "v1.2.3.4|unexpected '.'"})
    void rejectsInvalidModuleVersions(String version, String reason) {
        InvalidVersions.assertRejected(scheme, version, reason);
    }
}
