package io.stella.registry.gcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.testing.TestCa;
import io.stella.registry.config.CloudConfig;
import io.stella.registry.config.RegistryConfig;
import io.stella.registry.config.RegistryType;
import io.stella.registry.config.RegistryUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Throwaway Google identities and registry entries for the tests. */
public final class GcpFixtures {
    public static final String SA_EMAIL = "scanner@demo-project.iam.gserviceaccount.com";
    static final String KEY_ID = "4f1d0c6e2a9b";
    public static final String PROJECT = "demo-project";
    public static final String PROVIDER = "projects/123456789/locations/global/workloadIdentityPools/ci-pool/providers/gitlab";
    /** Part of every key file's private key text, so tests can assert it never leaks. */
    static final String KEY_SENTINEL = "private_key";
    private static final ObjectMapper JSON = new ObjectMapper();

    private GcpFixtures() {
    }

    /** The test CA the stand-ins' certificates are issued by. */
    static final TestCa CA = TestCa.create();

    /**
     * The provider trusting the test CA (for the stand-ins' HTTPS), without google-auth's retry backoff so
     * failures show in milliseconds.
     */
    static GcpCredentialProvider failFastProvider() {
        return provider(false);
    }

    static GcpCredentialProvider provider(boolean retry) {
        return new GcpCredentialProvider(new GcpHttp(Optional.of(CA.trustingSslContext())), retry);
    }

    /** One service account key for all tests (2048-bit generation is slow). */
    static final KeyPair KEY = rsaKey();

    public static KeyPair rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pkcs8Pem(KeyPair key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** A service account key file as the console downloads it, with {@code token_uri} pointing at the stand-in. */
    public static Path serviceAccountKey(Path dir, KeyPair key, String tokenUri) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "service_account");
        json.put("project_id", PROJECT);
        json.put("private_key_id", KEY_ID);
        json.put("private_key", pkcs8Pem(key));
        json.put("client_email", SA_EMAIL);
        json.put("client_id", "103476384757362735523");
        json.put("auth_uri", "https://accounts.google.com/o/oauth2/auth");
        json.put("token_uri", tokenUri);
        json.put("auth_provider_x509_cert_url", "https://www.googleapis.com/oauth2/v1/certs");
        json.put("universe_domain", "googleapis.com");
        return write(dir.resolve("sa-key.json"), json);
    }

    /** gcloud's {@code application_default_credentials.json} for a user. */
    static Path authorizedUser(Path file, String tokenUri) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "authorized_user");
        json.put("client_id", "764086051850-6qr4p6gpi6hn506pt8ejuq83di341hur.apps.googleusercontent.com");
        json.put("client_secret", "d-FL95Q19q7MQmFpd7hHD0Ty");
        json.put("refresh_token", "1//0gREFRESH-SENTINEL");
        json.put("quota_project_id", PROJECT);
        json.put("token_uri", tokenUri);
        return write(file, json);
    }

    /** A credential config from {@code gcloud iam workload-identity-pools create-cred-config}. */
    static Path externalAccount(Path dir, String baseUrl, Path subjectToken, boolean impersonate) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "external_account");
        json.put("audience", "//iam.googleapis.com/" + PROVIDER);
        json.put("subject_token_type", "urn:ietf:params:oauth:token-type:jwt");
        json.put("token_url", baseUrl + "/v1/token");
        if (impersonate) {
            json.put("service_account_impersonation_url", baseUrl + "/v1/projects/-/serviceAccounts/" + SA_EMAIL
                    + ":generateAccessToken");
        }
        json.put("credential_source", Map.of("file", subjectToken.toString()));
        return write(dir.resolve("wif-config.json"), json);
    }

    /** An OIDC token as a CI system writes it (the signature is not checked by stella, only by STS). */
    public static Path subjectToken(Path dir, String audience, Instant expiry) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8));
        String claims = url.encodeToString(("{\"iss\":\"https://gitlab.example.com\",\"sub\":\"project_path:team/app:ref:main\","
                + "\"aud\":\"" + audience + "\",\"iat\":" + (expiry.getEpochSecond() - 300) + ",\"exp\":"
                + expiry.getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("oidc-token.jwt");
        try {
            Files.writeString(file, header + "." + claims + "." + url.encodeToString("sig".getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static RegistryConfig registry(String url, RegistryType type, Map<String, Object> cloud, List<String> repositories) {
        return new RegistryConfig(null, RegistryUrl.of(url), type, null, null, repositories, null, null, null, null,
                null, new CloudConfig(cloud));
    }

    static RegistryConfig gar(String url, Map<String, Object> cloud) {
        return registry(url, RegistryType.GAR, cloud, null);
    }

    /** A context whose environment has only what the test gives, and no GCE metadata probing. */
    static ProviderContext context(RegistryConfig registry, Map<String, String> env, Path home, Clock clock) {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put("NO_GCE_CHECK", "true");
        return new ProviderContext(registry, all, home, clock);
    }

    static Path write(Path file, Map<String, Object> json) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
