package io.stella.inventory.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LicenseExpressionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "MIT                                              | MIT                                              | true",
            "mit                                              | MIT                                              | true",
            "gpl-2.0-ONLY                                     | GPL-2.0-only                                     | true",
            "GPL-2.0+                                         | GPL-2.0+                                         | true",
            "Apache-2.0+                                      | Apache-2.0+                                      | false",
            "LicenseRef-acme-eula                             | LicenseRef-acme-eula                             | false",
            "GPL-2.0-or-later AND MIT                         | GPL-2.0-or-later AND MIT                         | false",
            "( MIT OR apache-2.0 )  AND BSD-3-Clause          | (MIT OR Apache-2.0) AND BSD-3-Clause             | false",
            "GPL-2.0-only WITH classpath-exception-2.0        | GPL-2.0-only WITH Classpath-exception-2.0        | false",
    })
    void readsValidSpdxExpressionsCanonically(String text, String canonical, boolean singleId) {
        LicenseExpression expression = LicenseExpression.parse(text).orElseThrow();
        assertThat(expression.isSpdx()).isTrue();
        assertThat(expression.canonical()).isEqualTo(canonical);
        assertThat(expression.isSingleLicenceId()).isEqualTo(singleId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Public Domain", "BSD, MIT", "MIT AND", "(MIT", "MIT)", "MIT and Apache-2.0",
            "GPL-2.0-only WITH No-Such-exception", "WITH MIT", "", "   ", "MIT OR OR Apache-2.0", "GPL/Artistic"})
    void rejectsWhatIsNoExpression(String text) {
        assertThat(LicenseExpression.parse(text)).isEmpty();
    }

    @Test
    void anUnlistedIdentifierKeepsTheGrammarButIsNotSpdx() {
        Optional<LicenseExpression> parsed = LicenseExpression.parse("GPL-2.0-or-later AND Public-Domain");
        assertThat(parsed).isPresent();
        assertThat(parsed.get().isSpdx()).isFalse();
        assertThat(parsed.get().render(t -> t.kind() == LicenseExpression.Kind.UNKNOWN ? "LicenseRef-" + t.text() : t.text()))
                .isEqualTo("GPL-2.0-or-later AND LicenseRef-Public-Domain");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The Apache Software License, Version 2.0 | Apache-2.0",
            "Apache License 2.0                       | Apache-2.0",
            "https://opensource.org/licenses/MIT      | MIT",
            "GNU General Public License v2.0 only     | GPL-2.0-only",
    })
    void licenceNamesAndUrlsResolveToTheirSpdxId(String text, String id) {
        Licence licence = Licence.of(text);
        assertThat(licence.isSpdx()).isTrue();
        assertThat(licence.expression().canonical()).isEqualTo(id);
        assertThat(licence.text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BSD", "The BSD License", "Apache License", "Mozilla Public License", "CDDL"})
    void versionlessNamesAreNotPinnedToAVersion(String text) {
        assertThat(Licence.of(text).isSpdx()).isFalse();
    }

    @Test
    void freeTextStaysFreeText() {
        assertThat(Licence.of("Public Domain").isSpdx()).isFalse();
        assertThat(Licence.of("Public Domain").expression()).isNull();
        assertThat(Licence.of("  Dual License ").text()).isEqualTo("Dual License");
    }
}
