package io.stella.registry.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.stella.registry.Secret;
import io.stella.registry.auth.provider.IdentityReport;
import io.stella.registry.auth.provider.IdentityReport.Check;
import io.stella.registry.auth.provider.IdentityReport.Fact;
import io.stella.registry.auth.provider.IdentityReport.Status;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** iam-status, iam verify and oidc verify for an ACR entry: one report each, never a secret in them. */
final class AcrIdentityReports {
    private static final String FEDERATION_AUDIENCE = "api://AzureADTokenExchange";

    private final ProviderContext context;
    private final String host;

    AcrIdentityReports(ProviderContext context) {
        this.context = context;
        this.host = context.registry().hostKey();
    }

    /** Who the identity is, from the Entra ID token's claims. */
    IdentityReport status() {
        AzureIdentity identity = AzureIdentities.resolve(context);
        AadTokenSource aad = new AadTokenSource(context);
        AadToken token = aad.token(identity);
        List<Fact> facts = new ArrayList<>(identityFacts(identity, aad));
        facts.add(new Fact("tenant", AcrCredentialProvider.tenantOf(identity, token).orElse("?")));
        facts.add(new Fact("client id", token.claim("appid").or(() -> token.claim("azp")).or(identity::clientId)
                .orElse("?")));
        facts.add(new Fact("object id", token.claim("oid").orElse("?")));
        facts.add(new Fact("token expires", token.expiresAt().toString()));
        return new IdentityReport(facts, List.of());
    }

    /** Each link of the sign-in: Entra ID token, ACR exchange, a pull token for one repository. */
    IdentityReport verify() {
        AzureIdentity identity = AzureIdentities.resolve(context);
        AadTokenSource aad = new AadTokenSource(context);
        List<Fact> facts = new ArrayList<>(identityFacts(identity, aad));
        List<Check> checks = new ArrayList<>();
        String tokenCheck = "Entra ID token for " + aad.scope();
        String exchangeCheck = "ACR /oauth2/exchange";
        String pullCheck = "pull token";
        AadToken token;
        try {
            token = aad.token(identity);
            checks.add(new Check(tokenCheck, Status.PASS, "object id " + token.claim("oid").orElse("?")
                    + ", expires " + token.expiresAt()));
        } catch (RegistryException e) {
            checks.add(failed(tokenCheck, e));
            checks.add(new Check(exchangeCheck, Status.SKIP, "no Entra ID token"));
            checks.add(new Check(pullCheck, Status.SKIP, "no Entra ID token"));
            return new IdentityReport(facts, checks);
        }
        AcrTokenExchange acr = new AcrTokenExchange(context);
        AcrTokenExchange.Endpoint endpoint;
        Secret refresh;
        try {
            endpoint = acr.endpoint(host);
            refresh = acr.refreshToken(host, endpoint, token, AcrCredentialProvider.tenantOf(identity, token),
                    identity);
            checks.add(new Check(exchangeCheck, Status.PASS, "refresh token issued by " + endpoint.exchange()));
        } catch (RegistryException e) {
            checks.add(failed(exchangeCheck, e));
            checks.add(new Check(pullCheck, Status.SKIP, "no ACR refresh token"));
            return new IdentityReport(facts, checks);
        }
        Optional<String> repository = context.registry().listedRepositories().flatMap(r -> r.stream().findFirst());
        if (repository.isEmpty()) {
            checks.add(new Check(pullCheck, Status.SKIP, "list a repository under the entry's repositories: "
                    + "to check a pull"));
            return new IdentityReport(facts, checks);
        }
        String scope = "repository:" + repository.get() + ":pull";
        try {
            Secret access = acr.accessToken(host, endpoint, refresh, scope);
            boolean granted = grantsPull(access, repository.get());
            checks.add(new Check(pullCheck + " for " + repository.get(), granted ? Status.PASS : Status.FAIL,
                    granted ? "granted " + scope : "the token grants no pull on " + repository.get()
                            + ": assign AcrPull to the identity on the registry"));
        } catch (RegistryException e) {
            checks.add(failed(pullCheck + " for " + repository.get(), e));
        }
        return new IdentityReport(facts, checks);
    }

    /** The workload identity chain: the federated token's claims, then whether Entra ID takes it. */
    IdentityReport federation() {
        AzureIdentity identity = AzureIdentities.resolve(context);
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("identity", identity.describe()));
        if (!(identity instanceof AzureIdentity.WorkloadIdentity workload)) {
            return new IdentityReport(facts, List.of(new Check("workload identity", Status.SKIP,
                    "the registry signs in as " + identity.describe() + ", not through a federated token")));
        }
        List<Check> checks = new ArrayList<>();
        Optional<JwtPayload> claims;
        try {
            claims = JwtPayload.of(Files.readString(workload.tokenFile()));
        } catch (IOException e) {
            checks.add(new Check("federated token file", Status.FAIL, "cannot read " + workload.tokenFile()
                    + ": mount the projected service account token (azure.workload.identity/use: \"true\")"));
            return new IdentityReport(facts, checks);
        }
        if (claims.isEmpty()) {
            checks.add(new Check("federated token file", Status.FAIL, workload.tokenFile() + " holds no JWT"));
            return new IdentityReport(facts, checks);
        }
        JwtPayload token = claims.get();
        for (String claim : List.of("iss", "sub", "aud")) {
            facts.add(new Fact(claim, token.text(claim).orElse("?")));
        }
        token.expiry().ifPresent(exp -> facts.add(new Fact("exp", exp.toString())));
        checks.add(new Check("federated token file", Status.PASS, workload.tokenFile().toString()));
        boolean expired = token.expiry().map(exp -> !context.clock().instant().isBefore(exp)).orElse(false);
        checks.add(new Check("token not expired", expired ? Status.FAIL : Status.PASS, expired
                ? "expired at " + token.expiry().get() + ": the kubelet should have renewed it; restart the pod"
                : token.expiry().map(e -> "valid until " + e).orElse("no exp claim")));
        boolean audience = token.text("aud").map(a -> List.of(a.split(",")).contains(FEDERATION_AUDIENCE))
                .orElse(false);
        checks.add(new Check("audience " + FEDERATION_AUDIENCE, audience ? Status.PASS : Status.WARN, audience
                ? "present" : "the token's aud is " + token.text("aud").orElse("missing")
                        + "; Entra ID expects " + FEDERATION_AUDIENCE));
        try {
            AadToken aad = new AadTokenSource(context).token(identity);
            checks.add(new Check("Entra ID accepts the federated token", Status.PASS,
                    "access token for object id " + aad.claim("oid").orElse("?")));
        } catch (RegistryException e) {
            String detail = AadFailures.aadstsCode(e).filter("70021"::equals).isPresent()
                    ? "no federated credential matches issuer " + token.text("iss").orElse("?") + " / subject "
                            + token.text("sub").orElse("?") + ": add one to the app registration. " + hintOf(e)
                    : e.getMessage() + ". " + hintOf(e);
            checks.add(new Check("Entra ID accepts the federated token", Status.FAIL, detail));
        }
        return new IdentityReport(facts, checks);
    }

    private List<Fact> identityFacts(AzureIdentity identity, AadTokenSource aad) {
        return List.of(new Fact("identity", identity.describe()), new Fact("authority", aad.authorityHost()),
                new Fact("scope", aad.scope()));
    }

    private static Check failed(String name, RegistryException e) {
        return new Check(name, Status.FAIL, e.getMessage() + ". " + hintOf(e));
    }

    private static String hintOf(RegistryException e) {
        return e.hint() == null ? "" : e.hint();
    }

    private static boolean grantsPull(Secret accessToken, String repository) {
        Optional<JwtPayload> claims = JwtPayload.of(accessToken.reveal());
        if (claims.isEmpty() || !claims.get().claims().has("access")) {
            return true; // an opaque token: the registry decides
        }
        for (JsonNode entry : claims.get().claims().get("access")) {
            if ("repository".equals(entry.path("type").asText()) && repository.equals(entry.path("name").asText())) {
                for (JsonNode action : entry.path("actions")) {
                    if ("pull".equals(action.asText()) || "*".equals(action.asText())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
