package io.stella.registry.it;

import io.stella.registry.Secret;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.CredentialOrigin;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.client.Endpoint;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.http.NetworkSettings;
import io.stella.registry.http.Sleeper;
import io.stella.registry.http.TlsSettings;
import io.stella.registry.trace.Trace;
import io.stella.testing.TestCa;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Builds clients for the integration tests: quick retries, no proxy, recorded waits. */
final class Clients {
    private Clients() {
    }

    static ResolvedCredential user(String name, String password) {
        return new ResolvedCredential(new Credential.UsernamePassword(name, Secret.of(password)),
                new CredentialOrigin("explicit", "test user " + name));
    }

    static RegistryClient.Builder builder(String host) {
        return RegistryClient.builder(Endpoint.parse(host, false))
                .environment(Map.of())
                .network(NetworkSettings.DEFAULT.withTimeout(Duration.ofSeconds(10)).withBackoff(Duration.ofMillis(5),
                        Duration.ofMillis(20)))
                .trace(new Trace(Clock.systemUTC()));
    }

    static RegistryClient anonymous(String host) {
        return builder(host).build();
    }

    static TlsSettings trusting(TestCa ca, Path dir) {
        try {
            Path pem = ca.writeCaPem(Files.createDirectories(dir));
            return new TlsSettings(List.of(pem), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sleeper that records the waits asked of it and does not wait. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }
}
