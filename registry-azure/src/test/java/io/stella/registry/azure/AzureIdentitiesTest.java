package io.stella.registry.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.config.CloudConfig;
import io.stella.registry.config.CredentialsConfig;
import io.stella.registry.config.RegistryConfig;
import io.stella.registry.config.RegistryType;
import io.stella.registry.config.RegistryUrl;
import io.stella.registry.config.TlsConfig;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which identity an entry and its environment name, and which settings are refused; no network. */
class AzureIdentitiesTest {
    private static final Path HOME = Path.of("/home/scanner");

    private static ProviderContext context(Map<String, Object> cloud, Map<String, String> env) {
        return context(cloud, CredentialsConfig.NONE, env);
    }

    private static ProviderContext context(Map<String, Object> cloud, CredentialsConfig credentials,
                                           Map<String, String> env) {
        RegistryConfig entry = new RegistryConfig("myacr", RegistryUrl.of("myacr.azurecr.io"), RegistryType.ACR,
                credentials, TlsConfig.DEFAULT, null, null, null, null, null, null, new CloudConfig(cloud));
        return new ProviderContext(entry, env, HOME, Clock.systemUTC());
    }

    @Test
    void configuredServicePrincipalWinsOverTheEnvironment() {
        AzureIdentity identity = AzureIdentities.resolve(context(
                Map.of("tenant_id", "t1", "client_id", "c1", "client_secret_env", "MY_SECRET"),
                Map.of("MY_SECRET", "s1", "AZURE_CLIENT_ID", "c2", "AZURE_CLIENT_SECRET", "s2", "AZURE_TENANT_ID", "t2",
                        "AZURE_FEDERATED_TOKEN_FILE", "/var/run/token")));

        assertThat(identity).isInstanceOfSatisfying(AzureIdentity.ServicePrincipalSecret.class, sp -> {
            assertThat(sp.tenant()).isEqualTo("t1");
            assertThat(sp.client()).isEqualTo("c1");
            assertThat(sp.secret().reveal()).isEqualTo("s1");
        });
        assertThat(identity.describe()).contains("c1", "t1", "$MY_SECRET").doesNotContain("s1");
    }

    @Test
    void certificateFileRelativeToHomeAndAbsolute() {
        AzureIdentity relative = AzureIdentities.resolve(context(
                Map.of("tenant_id", "t", "client_id", "c", "client_certificate_file", ".stella/sp.pem"), Map.of()));
        AzureIdentity absolute = AzureIdentities.resolve(context(
                Map.of("tenant_id", "t", "client_id", "c", "client_certificate_file", "/etc/stella/sp.pem"), Map.of()));

        assertThat(((AzureIdentity.ServicePrincipalCertificate) relative).certificateFile())
                .isEqualTo(HOME.resolve(".stella/sp.pem"));
        assertThat(((AzureIdentity.ServicePrincipalCertificate) absolute).certificateFile())
                .isEqualTo(Path.of("/etc/stella/sp.pem"));
    }

    @Test
    void workloadIdentityComesBeforeTheSecretTrioAndTakesTheEntrysTenantAndClient() {
        Map<String, String> env = Map.of("AZURE_FEDERATED_TOKEN_FILE", "/var/run/secrets/azure/tokens/azure-identity-token",
                "AZURE_CLIENT_ID", "c-env", "AZURE_TENANT_ID", "t-env", "AZURE_CLIENT_SECRET", "s");

        assertThat(AzureIdentities.resolve(context(Map.of(), env)))
                .isEqualTo(new AzureIdentity.WorkloadIdentity("t-env", "c-env",
                        Path.of("/var/run/secrets/azure/tokens/azure-identity-token")));
        assertThat(AzureIdentities.resolve(context(Map.of("client_id", "c-cfg", "auth", "workload_identity"), env)))
                .isInstanceOfSatisfying(AzureIdentity.WorkloadIdentity.class,
                        wi -> assertThat(wi.client()).isEqualTo("c-cfg"));
    }

    @Test
    void environmentTrioWithSecretOrCertificate() {
        assertThat(AzureIdentities.resolve(context(Map.of(), Map.of("AZURE_CLIENT_ID", "c", "AZURE_TENANT_ID", "t",
                "AZURE_CLIENT_SECRET", "s")))).isInstanceOf(AzureIdentity.ServicePrincipalSecret.class);
        assertThat(AzureIdentities.resolve(context(Map.of(), Map.of("AZURE_CLIENT_ID", "c", "AZURE_TENANT_ID", "t",
                "AZURE_CLIENT_CERTIFICATE_PATH", "/etc/sp.pfx"))))
                .isEqualTo(new AzureIdentity.ServicePrincipalCertificate("t", "c", Path.of("/etc/sp.pfx")));
    }

    @Test
    void managedIdentityOnlyWhenAskedFor() {
        assertThat(AzureIdentities.resolve(context(Map.of("auth", "managed_identity"), Map.of())))
                .isEqualTo(new AzureIdentity.ManagedIdentity(Optional.empty()));
        assertThat(AzureIdentities.resolve(context(Map.of("managed_identity_client_id", "mi-1"), Map.of())))
                .isEqualTo(new AzureIdentity.ManagedIdentity(Optional.of("mi-1")));
        assertThat(AzureIdentities.anyConfigured(context(Map.of(), Map.of("AZURE_CLIENT_ID", "c"))))
                .as("a client id alone is not an identity (it may be for another tool)").isFalse();
    }

    @Test
    void providerAnswersOnlyForAcrEntriesWithoutConfiguredCredentialsAndWithAnIdentity() {
        AcrCredentialProvider provider = new AcrCredentialProvider();
        Map<String, String> trio = Map.of("AZURE_CLIENT_ID", "c", "AZURE_TENANT_ID", "t", "AZURE_CLIENT_SECRET", "s");

        assertThat(provider.answers(context(Map.of(), trio), "myacr.azurecr.io")).isTrue();
        assertThat(provider.answers(context(Map.of(), Map.of()), "myacr.azurecr.io")).isFalse();
        assertThat(provider.answers(context(Map.of(), new CredentialsConfig("myacr", "ACR_ADMIN_PW", null, null), trio),
                "myacr.azurecr.io")).isFalse();
        assertThat(provider.answers(context(Map.of("auth", "managed_identity"), Map.of()), "myacr.azurecr.io")).isTrue();
        assertThat(provider.answers(context(Map.of(), trio), "docker.io"))
                .as("the entry's identity is not offered to other registries").isFalse();
    }

    @Test
    void incompleteServicePrincipalNamesTheMissingSetting() {
        assertThatThrownBy(() -> AzureIdentities.resolve(context(Map.of("client_id", "c", "client_secret_env", "S"),
                Map.of("S", "x"))))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.CONFIG_INVALID);
                    assertThat(e.getMessage()).contains("cloud.tenant_id");
                    assertThat(e.hint()).contains("stella registry config set myacr.cloud.tenant_id");
                });
        assertThatThrownBy(() -> AzureIdentities.resolve(context(Map.of("tenant_id", "t", "client_id", "c",
                "auth", "service_principal"), Map.of())))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.CONFIG_INVALID);
                    assertThat(e.hint()).contains("client_secret_env", "client_certificate_file");
                });
    }

    @Test
    void jwtPayloadReadsClaimsAndExpiryWithoutVerifying() {
        String token = JwtTexts.unsigned(Map.of("oid", "o", "aud", java.util.List.of("a", "b"), "exp", 1_800_000_000L));

        JwtPayload payload = JwtPayload.of(token).orElseThrow();

        assertThat(payload.text("oid")).contains("o");
        assertThat(payload.text("aud")).contains("a,b");
        assertThat(payload.expiry()).contains(java.time.Instant.ofEpochSecond(1_800_000_000L));
        assertThat(JwtPayload.of("opaque-refresh-token")).isEmpty();
    }
}
