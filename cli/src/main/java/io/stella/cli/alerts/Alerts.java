package io.stella.cli.alerts;

import io.stella.registry.config.AlertsConfig;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.http.RedactedUrl;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import io.stella.cli.logging.EventLog;

/**
 * Raises and resolves stella's alerts: a log event named after the alert on every change, and a JSON POST
 * to {@code alerts.webhook_url} when configured. An alert fires once until it is resolved: the same failure
 * again is logged, not posted again.
 */
public final class Alerts {
    private final ActiveAlerts active;
    private final Optional<WebhookSender> webhook;
    private final Clock clock;
    private final java.util.function.Consumer<String> warnings;

    Alerts(Path stateFile, AlertsConfig config, Clock clock, java.util.function.Consumer<String> warnings) {
        this.active = new ActiveAlerts(stateFile);
        this.webhook = config.webhook().map(WebhookSender::new);
        this.clock = clock;
        this.warnings = warnings;
    }

    /** The alerts of a stella home ({@code $STELLA_HOME/alerts/active.json}); problems delivering go to {@code warnings}. */
    public static Alerts of(Path stellaHome, AlertsConfig config, java.util.function.Consumer<String> warnings) {
        return new Alerts(stellaHome.resolve("alerts").resolve("active.json"), config, Clock.systemUTC(), warnings);
    }

    /** Authentication to {@code registry} failed with an AUTH_* code: raises {@code ScannerRegistryAuthFailed}. */
    public void registryAuthFailed(String registry, RegistryException failure) {
        raise(new AlertEvent(AlertNames.REGISTRY_AUTH_FAILED, AlertEvent.FIRING, registry, failure.code().name(),
                failure.getMessage(), failure.hint(), now()));
    }

    /** {@code registry} accepted stella's credentials: resolves {@code ScannerRegistryAuthFailed} if it fired. */
    public void registryAuthenticated(String registry) {
        resolve(AlertNames.REGISTRY_AUTH_FAILED, registry, "the registry accepts the credentials again");
    }

    /** A credential expires soon: raises {@code ScannerCredentialExpiringSoon}. */
    public void credentialExpiringSoon(String registry, String message, String hint) {
        raise(new AlertEvent(AlertNames.CREDENTIAL_EXPIRING_SOON, AlertEvent.FIRING, registry, null, message, hint, now()));
    }

    /** The credential of {@code registry} is fresh: resolves {@code ScannerCredentialExpiringSoon} if it fired. */
    public void credentialFresh(String registry) {
        resolve(AlertNames.CREDENTIAL_EXPIRING_SOON, registry, "the credential no longer expires soon");
    }

    private void raise(AlertEvent event) {
        Map<String, AlertEvent> firing = active.read();
        boolean change = !firing.containsKey(event.key());
        log(event, change ? "raised" : "still firing");
        if (change) {
            firing.put(event.key(), event);
            active.write(firing);
            deliver(event);
        }
    }

    private void resolve(String alert, String registry, String message) {
        Map<String, AlertEvent> firing = active.read();
        AlertEvent raised = firing.remove(alert + " " + registry);
        if (raised == null) {
            return;
        }
        AlertEvent resolved = new AlertEvent(alert, AlertEvent.RESOLVED, registry, raised.code(), message, null, now());
        active.write(firing);
        log(resolved, "resolved");
        deliver(resolved);
    }

    private void deliver(AlertEvent event) {
        webhook.ifPresent(sender -> {
            String problem = sender.send(event);
            if (problem != null) {
                warnings.accept("alert " + event.alert() + " (" + event.status() + ") for " + event.registry()
                        + " could not be posted to the webhook: " + RedactedUrl.of(problem));
            }
        });
    }

    private static void log(AlertEvent event, String what) {
        org.slf4j.event.Level level = AlertEvent.FIRING.equals(event.status())
                ? org.slf4j.event.Level.WARN : org.slf4j.event.Level.INFO; // the failure itself is the ERROR line
        EventLog.log(level, "alerts", event.alert(), event.alert() + " " + what + " for registry " + event.registry()
                        + ": " + event.message(),
                "registry", event.registry(), "alert_status", event.status(), "code", event.code(), "hint", event.hint());
    }

    private String now() {
        return clock.instant().toString();
    }
}
