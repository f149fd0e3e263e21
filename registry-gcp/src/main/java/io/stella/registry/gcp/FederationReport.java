package io.stella.registry.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.registry.auth.provider.IdentityReport;
import io.stella.registry.auth.provider.IdentityReport.Check;
import io.stella.registry.auth.provider.IdentityReport.Fact;
import io.stella.registry.auth.provider.IdentityReport.Status;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * {@code oidc verify}: the workload identity federation chain link by link — the workload's token (read, not
 * verified: that is STS's job), the STS exchange, the service account impersonation, the resulting token.
 */
final class FederationReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AccessTokens tokens;

    FederationReport(AccessTokens tokens) {
        this.tokens = tokens;
    }

    IdentityReport explain(ProviderContext context) {
        GcpIdentity identity = IdentityLocator.require(context, GcpSettings.of(context));
        List<Fact> facts = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        facts.add(new Fact("credential type", identity.type()));
        facts.add(new Fact("credential source", identity.source()));
        if (!identity.type().equals(CredentialFiles.EXTERNAL_ACCOUNT)) {
            checks.add(new Check("workload identity federation", Status.SKIP, "the identity is " + identity.type()
                    + ", not federated; set cloud." + GcpSettings.WORKLOAD_IDENTITY_PROVIDER + " and cloud."
                    + GcpSettings.SUBJECT_TOKEN_FILE + " to use federation"));
            return new IdentityReport(facts, checks);
        }
        String audience = audience(identity);
        facts.add(new Fact("audience", audience));
        Optional<String> serviceAccount = serviceAccount(identity);
        serviceAccount.ifPresent(sa -> facts.add(new Fact("service account", sa)));

        boolean tokenUsable = subjectToken(context, identity, audience, facts, checks);
        if (!tokenUsable) {
            checks.add(new Check("STS token exchange", Status.SKIP, "no usable subject token"));
            checks.add(new Check("service account impersonation", Status.SKIP, "no usable subject token"));
            return new IdentityReport(facts, checks);
        }
        try {
            GcpAccessToken federated = tokens.mintFederatedOnly(context, identity);
            String expiry = federated.expiresAt().map(Object::toString).orElse("(not stated)");
            checks.add(new Check("STS token exchange", Status.PASS, "federated token for " + audience + ", expires "
                    + expiry));
            if (serviceAccount.isEmpty()) {
                facts.add(new Fact("token expiry", expiry));
            }
        } catch (RegistryException e) {
            checks.add(IdentityReports.failed("STS token exchange", e));
            checks.add(new Check("service account impersonation", Status.SKIP, "the STS exchange failed"));
            return new IdentityReport(facts, checks);
        }
        if (serviceAccount.isEmpty()) {
            checks.add(new Check("service account impersonation", Status.SKIP, "no service account to impersonate: the "
                    + "federated token is used as is, so its principal needs roles/artifactregistry.reader itself"));
            return new IdentityReport(facts, checks);
        }
        try {
            GcpAccessToken token = tokens.mint(context, identity);
            String expiry = token.expiresAt().map(Object::toString).orElse("(not stated)");
            facts.add(new Fact("token expiry", expiry));
            checks.add(new Check("service account impersonation", Status.PASS, "iam.serviceAccounts.getAccessToken on "
                    + serviceAccount.get() + " allowed; access token expires " + expiry));
        } catch (RegistryException e) {
            checks.add(IdentityReports.failed("service account impersonation", e));
        }
        return new IdentityReport(facts, checks);
    }

    /** Reads the subject token's claims without verifying them; false when the exchange cannot succeed. */
    private static boolean subjectToken(ProviderContext context, GcpIdentity identity, String audience, List<Fact> facts,
                                        List<Check> checks) {
        Optional<Path> file = subjectTokenFile(identity);
        if (file.isEmpty()) {
            checks.add(new Check("subject token", Status.SKIP, "the credential config takes its token from a URL, "
                    + "an executable or AWS; google-auth reads it during the exchange"));
            return true;
        }
        facts.add(new Fact("subject token file", file.get().toString()));
        String token;
        try {
            token = Files.readString(file.get(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            checks.add(new Check("subject token", Status.FAIL, file.get() + " cannot be read ("
                    + e.getClass().getSimpleName() + "). Fix: mount the workload's OIDC token there (Kubernetes: a "
                    + "projected serviceAccountToken volume with audience " + audience + ")"));
            return false;
        }
        Optional<JsonNode> claims = claims(token);
        if (claims.isEmpty()) {
            checks.add(new Check("subject token", Status.FAIL, file.get() + " does not hold a JWT. Fix: write the "
                    + "raw OIDC ID token (header.payload.signature) to the file"));
            return false;
        }
        JsonNode c = claims.get();
        String iss = text(c, "iss");
        String sub = text(c, "sub");
        String aud = c.has("aud") ? (c.get("aud").isArray() ? c.get("aud").toString() : c.get("aud").asText()) : "(none)";
        facts.add(new Fact("subject token iss", iss));
        facts.add(new Fact("subject token sub", sub));
        facts.add(new Fact("subject token aud", aud));
        federatedPrincipal(identity, sub).ifPresent(p -> facts.add(new Fact("federated principal", p)));
        Optional<Instant> exp = c.has("exp") && c.get("exp").canConvertToLong()
                ? Optional.of(Instant.ofEpochSecond(c.get("exp").asLong())) : Optional.empty();
        facts.add(new Fact("subject token exp", exp.map(Object::toString).orElse("(none)")));
        if (exp.isPresent() && !exp.get().isAfter(context.clock().instant())) {
            checks.add(new Check("subject token", Status.FAIL, "expired at " + exp.get() + ". Fix: the token file must be "
                    + "refreshed by its issuer (kubelet rotates projected tokens; CI tokens last one job)"));
            return false;
        }
        String detail = "iss " + iss + ", sub " + sub + ", aud " + aud + ", exp " + exp.map(Object::toString).orElse("(none)");
        if (!aud.contains(audience)) {
            checks.add(new Check("subject token", Status.WARN, detail + "; aud is not the provider's default audience "
                    + audience + ", so it must be among the provider's allowed audiences (gcloud iam "
                    + "workload-identity-pools providers describe)"));
        } else {
            checks.add(new Check("subject token", Status.PASS, detail));
        }
        return true;
    }

    /** The IAM principal STS gives the token's subject (with the default {@code google.subject=assertion.sub} mapping). */
    private static Optional<String> federatedPrincipal(GcpIdentity identity, String subject) {
        String name = audience(identity).replaceFirst("^//iam\\.googleapis\\.com/", "");
        return WorkloadIdentityProvider.isValid(name)
                ? Optional.of(WorkloadIdentityProvider.parse(name).principal(subject)) : Optional.empty();
    }

    private static Optional<JsonNode> claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode claims, String name) {
        return claims.hasNonNull(name) ? claims.get(name).asText() : "(none)";
    }

    private static Optional<Path> subjectTokenFile(GcpIdentity identity) {
        return switch (identity) {
            case GcpIdentity.ConfiguredFederation f -> Optional.of(f.subjectTokenFile());
            case GcpIdentity.CredentialFile f -> Optional.ofNullable(f.json().credentialSource())
                    .map(source -> source.get("file")).map(String::valueOf).map(Path::of);
            case GcpIdentity.ComputeEngine m -> Optional.empty();
        };
    }

    private static String audience(GcpIdentity identity) {
        return switch (identity) {
            case GcpIdentity.ConfiguredFederation f -> f.provider().audience();
            case GcpIdentity.CredentialFile f -> String.valueOf(f.json().audience());
            case GcpIdentity.ComputeEngine m -> "";
        };
    }

    private static Optional<String> serviceAccount(GcpIdentity identity) {
        return switch (identity) {
            case GcpIdentity.ConfiguredFederation f -> f.serviceAccount();
            case GcpIdentity.CredentialFile f -> f.impersonated();
            case GcpIdentity.ComputeEngine m -> Optional.empty();
        };
    }
}
