package io.stella.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The skew thresholds (no test registry has a wrong clock) and what JwtTimes reads from a token. */
class DoctorClockAndJwtTest {

    @Test
    void skewOverAMinuteWarnsAndOverFiveMinutesFails() {
        assertThat(ClockSkewCheck.verdict(Duration.ofSeconds(60))).isEqualTo(CheckResult.Status.PASS);
        assertThat(ClockSkewCheck.verdict(Duration.ofSeconds(-61))).isEqualTo(CheckResult.Status.WARN);
        assertThat(ClockSkewCheck.verdict(Duration.ofMinutes(5))).isEqualTo(CheckResult.Status.WARN);
        assertThat(ClockSkewCheck.verdict(Duration.ofMinutes(5).plusSeconds(1))).isEqualTo(CheckResult.Status.FAIL);
    }

    @Test
    void jwtTimesReadsIatAndExpAndNothingFromOtherText() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String token = b64.encodeToString("{\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("{\"iat\":1700000000,\"exp\":1700000300,\"sub\":\"x\"}".getBytes(StandardCharsets.UTF_8))
                + ".sig";

        JwtTimes times = JwtTimes.of(token).orElseThrow();
        assertThat(times.issuedAt()).contains(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(times.expiresAt()).contains(Instant.ofEpochSecond(1_700_000_300L));
        assertThat(JwtTimes.of("plain-password")).isEmpty();
        assertThat(JwtTimes.of("a.b.c")).isEmpty();
    }

    @Test
    void worstIsFailOverWarnOverSkipOverPass() {
        assertThat(CheckResult.Status.worst(CheckResult.Status.PASS, CheckResult.Status.SKIP)).isEqualTo(CheckResult.Status.SKIP);
        assertThat(CheckResult.Status.worst(CheckResult.Status.WARN, CheckResult.Status.SKIP)).isEqualTo(CheckResult.Status.WARN);
        assertThat(CheckResult.Status.worst(CheckResult.Status.WARN, CheckResult.Status.FAIL)).isEqualTo(CheckResult.Status.FAIL);
    }
}
