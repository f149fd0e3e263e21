package io.stella.registry.config;

import java.net.URI;
import java.util.Optional;

/**
 * The {@code alerts:} section: where stella posts its alerts ({@code ScannerRegistryAuthFailed} …) besides
 * the log.
 *
 * @param webhookUrl an http(s) URL that receives a JSON POST per alert raised or resolved; null for log only
 */
public record AlertsConfig(String webhookUrl) {
    public static final AlertsConfig NONE = new AlertsConfig(null);

    public AlertsConfig {
        if (webhookUrl != null) {
            URI uri;
            try {
                uri = URI.create(webhookUrl.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigValueException("webhook_url", "webhook_url '" + webhookUrl + "' is not a URL");
            }
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new InvalidConfigValueException("webhook_url",
                        "webhook_url must be an http(s) URL with a host, e.g. https://alerts.example.com/hooks/stella");
            }
        }
    }

    public Optional<URI> webhook() {
        return Optional.ofNullable(webhookUrl).map(u -> URI.create(u.strip()));
    }
}
