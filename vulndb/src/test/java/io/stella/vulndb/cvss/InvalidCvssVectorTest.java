package io.stella.vulndb.cvss;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvalidCvssVectorTest {

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = ';', nullValues = "NULL", textBlock = """
            NULL; empty vector
            '  '; empty vector
            AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H; unknown prefix
            CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P; unknown prefix 'CVSS:2.0'
            CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H; unknown prefix 'CVSS:3.2'
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H; mandatory base metric A is missing
            CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H; metric AV has value X
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L; metric AV appears more than once
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/; '' is not a metric:value pair
            CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AT:N; unknown metric AT for CVSS:3.0
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N; mandatory base metric SA is missing
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:R/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N; metric UI has value R
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N; metric SI has value S
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A/E:U; metric E appears more than once
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/S:C; metric S has value C
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:red; metric U has value red
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/XX:Y; unknown metric XX
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA; 'SA' is not a metric:value pair
            """)
    void invalidVectorsAreRejectedWithAReason(String vector, String reason) {
        assertThat(Cvss.rate(vector)).isEmpty();
        assertThat(Cvss.explain(vector)).hasValueSatisfying(r -> assertThat(r).contains(reason));
    }

    @ParameterizedTest
    @CsvSource({"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"})
    void validVectorsHaveNoExplanation(String vector) {
        assertThat(Cvss.explain(vector)).isEmpty();
    }
}
