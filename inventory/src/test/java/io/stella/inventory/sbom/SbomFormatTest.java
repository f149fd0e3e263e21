package io.stella.inventory.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SbomFormatTest {
    @Test
    void formatsAreFoundByTheirCliName() {
        assertThat(SbomFormat.fromId("cyclonedx-json")).contains(SbomFormat.CYCLONEDX_JSON);
        assertThat(SbomFormat.fromId("spdx-json")).contains(SbomFormat.SPDX_JSON);
        assertThat(SbomFormat.fromId("spdx")).isEmpty();
    }
}
