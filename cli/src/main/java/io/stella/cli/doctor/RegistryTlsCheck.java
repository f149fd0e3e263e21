package io.stella.cli.doctor;

import io.stella.registry.failure.RegistryException;
import io.stella.registry.http.TlsSettings;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Each registry's certificate chain: trusted, valid for the host, and not expiring within 30 days. */
public final class RegistryTlsCheck implements PerRegistryCheck {
    public static final String ID = "check.scanner.registry-tls";
    static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "each registry's TLS certificate chain: trusted, right host, not expiring within 30 days";
    }

    @Override
    public CheckResult check(DoctorContext context, RegistryTarget target) {
        String subject = target.subject();
        if (target.explicitHttp()) {
            return plainHttp(target, "the url says http://");
        }
        TlsSettings tls = context.registries().tlsFor(target.config());
        TlsProbe.Result probe = TlsProbe.probe(target, tls, context.timeout());
        if (probe.plainHttp() && target.plainHttpFallback()) {
            return plainHttp(target, "the server answers in plain HTTP");
        }
        Map<String, String> evidence = chain(probe.chain());
        if (tls.insecureSkipVerify()) {
            evidence.put("verification", "off (insecure_skip_verify / --insecure-skip-verify)");
        }
        if (probe.failure().isPresent()) {
            RegistryException e = probe.failure().get();
            evidence.put("code", e.code().name());
            e.evidence().forEach(evidence::putIfAbsent);
            return new CheckResult(ID, subject, CheckResult.Status.FAIL, e.code() + ": " + e.getMessage(), evidence,
                    e.hint());
        }
        Instant now = context.clock().instant();
        X509Certificate soonest = probe.chain().stream()
                .min((a, b) -> a.getNotAfter().compareTo(b.getNotAfter())).orElseThrow();
        Instant notAfter = soonest.getNotAfter().toInstant();
        Duration left = Duration.between(now, notAfter);
        if (left.isNegative()) {
            // Only reachable with verification off: a verified chain is never expired.
            return new CheckResult(ID, subject, CheckResult.Status.FAIL, "certificate "
                    + soonest.getSubjectX500Principal().getName() + " expired at " + notAfter, evidence,
                    "Renew the registry's certificate.");
        }
        if (left.compareTo(EXPIRY_WARNING) < 0) {
            return new CheckResult(ID, subject, CheckResult.Status.WARN, "certificate "
                    + soonest.getSubjectX500Principal().getName() + " expires in " + left.toDays() + " days ("
                    + notAfter + ")", evidence,
                    "Renew the registry's certificate before " + notAfter + "; scans fail with TLS_CERTIFICATE_EXPIRED after.");
        }
        if (tls.insecureSkipVerify()) {
            return new CheckResult(ID, subject, CheckResult.Status.WARN, "TLS verification is turned off", evidence,
                    "Trust the registry's CA with tls.ca_cert instead of insecure_skip_verify: without verification "
                            + "the connection can be intercepted.");
        }
        return CheckResult.pass(ID, subject, "chain trusted, valid until " + notAfter + " (" + left.toDays() + " days)",
                evidence);
    }

    private static CheckResult plainHttp(RegistryTarget target, String why) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("scheme", "http (" + why + ")");
        if (target.loopback()) {
            return CheckResult.pass(ID, target.subject(), "no TLS: plain HTTP on a loopback address (never leaves this host)",
                    evidence);
        }
        return new CheckResult(ID, target.subject(), CheckResult.Status.WARN, "no TLS: " + why, evidence,
                "Serve the registry over HTTPS; plain HTTP exposes credentials and images on the network.");
    }

    private static Map<String, String> chain(List<X509Certificate> chain) {
        Map<String, String> evidence = new LinkedHashMap<>();
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate cert = chain.get(i);
            evidence.put("cert[" + i + "]", "subject=" + cert.getSubjectX500Principal().getName()
                    + "; issuer=" + cert.getIssuerX500Principal().getName()
                    + "; not_after=" + cert.getNotAfter().toInstant());
        }
        return evidence;
    }
}
