package io.stella.cli.doctor;

import io.stella.registry.auth.BearerToken;
import io.stella.registry.auth.Credential;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.http.ConnectionFailures;
import io.stella.registry.http.SslContexts;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The local clock against each registry's {@code Date} header and its token's {@code iat}: token services
 * and registries reject tokens that look issued in the future or expired when the clocks disagree.
 */
public final class ClockSkewCheck implements PerRegistryCheck {
    public static final String ID = "check.scanner.clock-skew";
    static final Duration WARN_SKEW = Duration.ofSeconds(60);
    static final Duration FAIL_SKEW = Duration.ofMinutes(5);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "local clock vs each registry's Date header and token iat: over 60 s warns, over 5 min fails";
    }

    @Override
    public CheckResult check(DoctorContext context, RegistryTarget target) {
        String subject = target.subject();
        Map<String, String> evidence = new LinkedHashMap<>();
        URI base;
        RegistryClient client;
        try {
            client = context.registries().clientFor(target);
            base = client.ping().base();
        } catch (RegistryException e) {
            return CheckResult.skip(ID, subject, "registry not reachable (" + e.code() + ")", "see " + RegistryAuthCheck.ID);
        }
        Duration worst = Duration.ZERO;
        Optional<Duration> dateSkew = dateHeaderSkew(context, target, base, evidence);
        if (dateSkew.isPresent()) {
            worst = dateSkew.get();
        }
        Optional<Duration> iatSkew = tokenIatSkew(context, client, evidence);
        if (iatSkew.isPresent() && iatSkew.get().compareTo(worst) > 0) {
            worst = iatSkew.get();
        }
        if (dateSkew.isEmpty() && iatSkew.isEmpty()) {
            return new CheckResult(ID, subject, CheckResult.Status.SKIP, "the registry sent no Date header and no JWT token",
                    evidence, null);
        }
        String fix = "Synchronise this host's clock (NTP: timedatectl set-ntp true, chrony) and the registry's; "
                + "tokens are rejected when clocks disagree by minutes.";
        return switch (verdict(worst)) {
            case FAIL -> new CheckResult(ID, subject, CheckResult.Status.FAIL, "clocks differ by " + worst.toSeconds()
                    + " s (over " + FAIL_SKEW.toMinutes() + " min): tokens will be rejected", evidence, fix);
            case WARN -> new CheckResult(ID, subject, CheckResult.Status.WARN, "clocks differ by " + worst.toSeconds()
                    + " s (over " + WARN_SKEW.toSeconds() + " s)", evidence, fix);
            default -> CheckResult.pass(ID, subject, "clocks agree within " + Math.max(1, worst.toSeconds()) + " s",
                    evidence);
        };
    }

    /** Over 60 s warns, over 5 min fails. */
    static CheckResult.Status verdict(Duration skew) {
        Duration size = skew.abs();
        if (size.compareTo(FAIL_SKEW) > 0) {
            return CheckResult.Status.FAIL;
        }
        return size.compareTo(WARN_SKEW) > 0 ? CheckResult.Status.WARN : CheckResult.Status.PASS;
    }

    private static Optional<Duration> dateHeaderSkew(DoctorContext context, RegistryTarget target, URI base,
                                                     Map<String, String> evidence) {
        HttpClient http = HttpClient.newBuilder()
                .sslContext(SslContexts.forSettings(context.registries().tlsFor(target.config())))
                .connectTimeout(context.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        URI url = base.resolve("/v2/");
        try {
            Instant sent = context.clock().instant();
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(url).timeout(context.timeout()).GET()
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            Instant received = context.clock().instant();
            try (InputStream body = response.body()) {
                body.readNBytes(64 * 1024);
            }
            Optional<String> date = response.headers().firstValue("date");
            if (date.isEmpty()) {
                evidence.put("date_header", "absent");
                return Optional.empty();
            }
            Instant remote = ZonedDateTime.parse(date.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Instant local = sent.plus(Duration.between(sent, received).dividedBy(2));
            evidence.put("date_header", date.get());
            evidence.put("local_clock", local.toString());
            // The header has whole seconds: up to a second of difference is no skew.
            Duration skew = Duration.between(local, remote).abs().minusSeconds(1);
            return Optional.of(skew.isNegative() ? Duration.ZERO : skew);
        } catch (IOException e) {
            evidence.put("date_header", "not read: " + ConnectionFailures.classify(e, url.toString(),
                    target.config().hostKey()).code());
            return Optional.empty();
        } catch (DateTimeParseException e) {
            evidence.put("date_header", "not an HTTP date");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<Duration> tokenIatSkew(DoctorContext context, RegistryClient client,
                                                   Map<String, String> evidence) {
        try {
            if (!client.session().authScheme().equals("bearer")
                    || client.session().credential().credential() instanceof Credential.RegistryToken) {
                return Optional.empty();
            }
            Optional<BearerToken> token = client.session().tokenFor(Optional.empty());
            Instant now = context.clock().instant();
            Optional<Instant> iat = token.flatMap(t -> JwtTimes.of(t.token().reveal())).flatMap(JwtTimes::issuedAt);
            if (iat.isEmpty()) {
                evidence.put("token_iat", token.isPresent() ? "none (opaque token or no iat claim)" : "no token");
                return Optional.empty();
            }
            evidence.put("token_iat", iat.get().toString());
            evidence.put("local_clock_at_token", now.toString());
            // iat has whole seconds, and the token was fetched just before now.
            Duration skew = Duration.between(now, iat.get()).abs().minusSeconds(2);
            return Optional.of(skew.isNegative() ? Duration.ZERO : skew);
        } catch (RegistryException e) {
            evidence.put("token_iat", "no token: " + e.code() + " (see " + RegistryAuthCheck.ID + ")");
            return Optional.empty();
        }
    }
}
