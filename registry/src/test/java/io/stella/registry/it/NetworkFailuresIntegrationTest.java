package io.stella.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.registry.client.RegistryClient;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.http.NetworkSettings;
import io.stella.testing.Ports;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Failures below HTTP, provoked with real sockets on loopback and a name that cannot resolve. */
@Tag("integration")
class NetworkFailuresIntegrationTest {
    private static final NetworkSettings QUICK = new NetworkSettings(Duration.ofMillis(800), Duration.ofMillis(800),
            Duration.ofSeconds(1), 2, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(1));

    @Test
    void unknownHostIsDns() {
        RegistryClient c = Clients.builder("registry.does-not-exist.invalid").network(QUICK)
                .sleeper(new Clients.RecordingSleeper()).build();
        assertThatThrownBy(c::ping).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.code()).isEqualTo(FailureCode.NETWORK_DNS);
            assertThat(e.registry()).isEqualTo("registry.does-not-exist.invalid");
        });
    }

    @Test
    void closedPortIsConnectionRefused() {
        int port = Ports.freePort();
        RegistryClient c = Clients.builder("127.0.0.1:" + port).network(QUICK).sleeper(new Clients.RecordingSleeper()).build();
        assertThatThrownBy(c::ping).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.code()).isEqualTo(FailureCode.NETWORK_CONNECTION_REFUSED);
            assertThat(e.hint()).contains("listening");
        });
    }

    @Test
    void serverThatNeverAnswersIsTimeout() throws Exception {
        // Connections complete in the kernel's backlog; nothing ever reads or answers them.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Clients.RecordingSleeper sleeper = new Clients.RecordingSleeper();
            RegistryClient c = Clients.builder("http://127.0.0.1:" + silent.getLocalPort()).network(QUICK).sleeper(sleeper).build();
            assertThatThrownBy(c::ping).isInstanceOfSatisfying(RegistryException.class, e -> {
                assertThat(e.code()).isEqualTo(FailureCode.NETWORK_TIMEOUT);
                assertThat(e.evidence()).containsEntry("attempts", "2");
            });
            assertThat(sleeper.waits).hasSize(1);
        }
    }

    @Test
    void silentLoopbackServerIsProbedWithHttpsThenHttpAndReportedAsTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            RegistryClient c = Clients.builder("127.0.0.1:" + silent.getLocalPort()).network(QUICK)
                    .sleeper(new Clients.RecordingSleeper()).build();
            assertThatThrownBy(c::ping).isInstanceOfSatisfying(RegistryException.class, e -> {
                assertThat(e.code()).isEqualTo(FailureCode.NETWORK_TIMEOUT);
                assertThat(e.evidence()).containsEntry("http_fallback", "NETWORK_TIMEOUT");
                assertThat(e.evidence().get("url")).startsWith("https://");
            });
        }
    }
}
