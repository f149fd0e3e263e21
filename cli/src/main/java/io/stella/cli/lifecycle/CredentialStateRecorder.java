package io.stella.cli.lifecycle;

import io.stella.registry.auth.CredentialExpiry;
import io.stella.registry.auth.CredentialLease;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Records a registry's credential lifecycle in the {@link CredentialStateFile}: each credential obtained (and
 * each renewal, with its reason), each token, each success and authentication failure. Writing the history must
 * never fail a scan: a write failure is one warning.
 */
public final class CredentialStateRecorder implements CredentialLease.Listener {
    private final CredentialStateFile file;
    private final String registryHost;
    private final Function<ResolvedCredential, String> kindOf;
    private final Consumer<String> warnings;
    private final AtomicBoolean warned = new AtomicBoolean();

    public CredentialStateRecorder(CredentialStateFile file, String registryHost,
                                   Function<ResolvedCredential, String> kindOf, Consumer<String> warnings) {
        this.file = file;
        this.registryHost = registryHost;
        this.kindOf = kindOf;
        this.warnings = warnings;
    }

    @Override
    public void obtained(ResolvedCredential credential, Instant at, Optional<Instant> refreshAt, String reason) {
        if (credential.isAnonymous()) {
            return;
        }
        Instant expires = credential.expiresAt().or(() -> CredentialExpiry.of(credential.credential())).orElse(null);
        CredentialState.Event renewal = "first use".equals(reason) ? null : new CredentialState.Event(at, null, reason);
        update(s -> s.obtained(kindOf.apply(credential), credential.origin().toString(), at, expires,
                refreshAt.orElse(null), renewal));
    }

    @Override
    public void renewalFailed(RegistryException failure, Instant at) {
        failed(failure, at);
    }

    public void token(Instant issued, Instant expires) {
        update(s -> s.token(issued, expires));
    }

    public void succeeded(Instant at) {
        update(s -> s.succeeded(at));
    }

    public void failed(RegistryException failure, Instant at) {
        update(s -> s.failed(new CredentialState.Event(at, failure.code().name(), failure.getMessage())));
    }

    private void update(java.util.function.UnaryOperator<CredentialState> change) {
        try {
            file.update(registryHost, change);
        } catch (IOException | RuntimeException e) {
            if (warned.compareAndSet(false, true)) {
                warnings.accept("cannot record the credential state in " + file.path() + ": " + e.getMessage());
            }
        }
    }
}
