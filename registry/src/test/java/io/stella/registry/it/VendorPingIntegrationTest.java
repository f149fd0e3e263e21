package io.stella.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.stella.registry.config.RegistryType;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.testing.RecordingServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A web server that is no registry answers {@code /v2/} with 404, as Nexus's and Artifactory's web ports do: the
 * vendor says where their Docker API is served instead.
 */
@Tag("integration")
class VendorPingIntegrationTest {

    private static RegistryException pingFails(RecordingServer server, RegistryType type) {
        Throwable thrown = catchThrowable(() -> Clients.builder("http://" + server.host()).vendor(type).build().ping());
        assertThat(thrown).isInstanceOf(RegistryException.class);
        RegistryException e = (RegistryException) thrown;
        assertThat(e.code()).isEqualTo(FailureCode.REGISTRY_PROTOCOL_ERROR);
        assertThat(e.evidence()).containsEntry("http_status", "404");
        return e;
    }

    @Test
    void nexusWebPortIsToldToUseTheDockerConnectorPort() {
        try (RecordingServer webPort = RecordingServer.start()) {
            RegistryException e = pingFails(webPort, RegistryType.NEXUS);
            assertThat(e.hint()).contains("connector port", "Repository Connectors");
            assertThat(e.evidence()).containsEntry("vendor", "Nexus");
        }
    }

    @Test
    void artifactoryIsToldAboutDockerAccessMethods() {
        try (RecordingServer webPort = RecordingServer.start()) {
            assertThat(pingFails(webPort, RegistryType.ARTIFACTORY).hint()).contains("Docker Access Method");
        }
    }

    @Test
    void aGenericRegistryKeepsTheGenericHint() {
        try (RecordingServer webPort = RecordingServer.start()) {
            RegistryException e = pingFails(webPort, RegistryType.GENERIC);
            assertThat(e.hint()).isEqualTo(FailureCode.REGISTRY_PROTOCOL_ERROR.defaultHint());
            assertThat(e.evidence()).doesNotContainKey("vendor");
        }
    }
}
