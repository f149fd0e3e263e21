package io.stella.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stella.registry.failure.RegistryException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertsConfigTest {
    @TempDir
    Path dir;

    @Test
    void theWebhookLoadsAndABadOneIsNamedWithItsLine() throws Exception {
        Path good = Files.writeString(dir.resolve("good.yaml"), "alerts:\n  webhook_url: https://alerts.example.com/hooks/stella\n");
        assertThat(new StellaConfigLoader().load(good).alerts().webhook())
                .contains(URI.create("https://alerts.example.com/hooks/stella"));
        assertThat(StellaConfig.empty().alerts().webhook()).isEmpty();

        Path bad = Files.writeString(dir.resolve("bad.yaml"), "vulndb:\n  max_age: 7d\nalerts:\n  webhook_url: mailto:ops@example.com\n");
        RegistryException e = catchThrowableOfType(RegistryException.class, () -> new StellaConfigLoader().load(bad));
        assertThat(e.getMessage()).contains("alerts.webhook_url").contains("http(s) URL").contains("line 4");
    }
}
