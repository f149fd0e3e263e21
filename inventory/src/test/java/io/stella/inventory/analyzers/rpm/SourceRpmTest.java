package io.stella.inventory.analyzers.rpm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SourceRpmTest {
    @ParameterizedTest
    @CsvSource({
        "util-linux-2.32.1-42.el8_8.src.rpm, util-linux, 2.32.1-42.el8_8",
        "gcc11-11.2.1+git610-1.3.9.src.rpm, gcc11, 11.2.1+git610-1.3.9",
        "ca-certificates-2.0.0-1.cm2.src.rpm, ca-certificates, 2.0.0-1.cm2",
        "dive-0.9.2-1.src.rpm, dive, 0.9.2-1",
        "kernel-firmware-20220222-1.nosrc.rpm, kernel-firmware, 20220222-1"})
    void splitsAtTheLastTwoHyphens(String fileName, String name, String versionRelease) {
        assertThat(SourceRpm.parse(fileName)).contains(new SourceRpm(name, versionRelease));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash.src.rpm", "bash-5.1.src.rpm", "-5.1-1.src.rpm", "bash-5.1-.src.rpm",
        "bash--1.src.rpm", "bash-5.1-1.x86_64.rpm", "bash-5.1-1", ""})
    void rejectsNamesWithoutNameVersionAndRelease(String fileName) {
        assertThat(SourceRpm.parse(fileName)).isEmpty();
    }
}
