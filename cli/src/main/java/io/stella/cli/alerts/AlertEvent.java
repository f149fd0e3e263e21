package io.stella.cli.alerts;

/**
 * One alert raised or resolved, as logged and posted to the webhook.
 *
 * @param alert    the alert's name, e.g. {@code ScannerRegistryAuthFailed}
 * @param status   {@code firing} or {@code resolved}
 * @param registry the registry it is about
 * @param code     the failure code that raised it (null when resolved)
 * @param message  what happened, without secrets (stella's failure messages never hold them)
 * @param hint     the fix
 * @param time     when stella saw it (ISO-8601, UTC)
 */
public record AlertEvent(String alert, String status, String registry, String code, String message, String hint,
                         String time) {
    public static final String FIRING = "firing";
    public static final String RESOLVED = "resolved";

    /** The state key: one alert of each name per registry. */
    String key() {
        return alert + " " + registry;
    }
}
