package io.stella.registry.aws;

import io.stella.registry.Secret;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The base AWS identity, in the order of the SDK's default chain but read from the provider context's
 * environment: keys named by {@code cloud.access_key_id_env}, {@code AWS_ACCESS_KEY_ID}, web identity (IRSA,
 * {@code AWS_WEB_IDENTITY_TOKEN_FILE} with {@code AWS_ROLE_ARN}), a profile of the shared files, then container
 * and instance roles (the instance role only on EC2, see {@link #instanceMetadata}).
 */
public final class BaseCredentials {
    private final AwsClients clients;
    private final EcrSettings settings;
    private final String region;

    public BaseCredentials(AwsClients clients, EcrSettings settings, String region) {
        this.clients = clients;
        this.settings = settings;
        this.region = region;
    }

    /** The profile files of the context: {@code AWS_CONFIG_FILE}, {@code AWS_SHARED_CREDENTIALS_FILE} or under home. */
    public static ProfileFile profileFile(ProviderContext context) {
        Path config = context.env("AWS_CONFIG_FILE").map(Path::of).orElse(context.home().resolve(".aws/config"));
        Path credentials = context.env("AWS_SHARED_CREDENTIALS_FILE").map(Path::of)
                .orElse(context.home().resolve(".aws/credentials"));
        ProfileFile.Aggregator aggregator = ProfileFile.aggregator();
        if (Files.isRegularFile(config)) {
            aggregator.addFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
        }
        if (Files.isRegularFile(credentials)) {
            aggregator.addFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build());
        }
        return aggregator.build();
    }

    /**
     * Whether the context shows any AWS identity to try, without calling anything: keys, web identity, a
     * profile, container credentials, or an instance metadata service that is not disabled.
     */
    public static boolean anyInSight(ProviderContext context) {
        String profile = context.cloud().string("profile").or(() -> context.env("AWS_PROFILE")).orElse("default");
        return context.env("AWS_ACCESS_KEY_ID").isPresent()
                || context.env("AWS_WEB_IDENTITY_TOKEN_FILE").isPresent()
                || context.env("AWS_CONTAINER_CREDENTIALS_FULL_URI").isPresent()
                || context.env("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI").isPresent()
                || instanceMetadata(context, Path.of("/"))
                || profileFile(context).profile(profile).isPresent();
    }

    /**
     * Whether to ask the instance metadata service: not when {@code AWS_EC2_METADATA_DISABLED=true}; else when
     * its endpoint is configured ({@code AWS_EC2_METADATA_SERVICE_ENDPOINT}) or this is an EC2 instance.
     */
    static boolean instanceMetadata(ProviderContext context, Path root) {
        if (context.env("AWS_EC2_METADATA_DISABLED").map("true"::equalsIgnoreCase).orElse(false)) {
            return false;
        }
        return context.env("AWS_EC2_METADATA_SERVICE_ENDPOINT").isPresent() || Ec2Host.detected(root);
    }

    public AwsIdentity resolve() {
        Optional<AwsIdentity> configured = configuredKeys();
        if (configured.isPresent()) {
            return configured.get();
        }
        ProviderContext context = clients.context();
        Optional<String> keyId = context.env("AWS_ACCESS_KEY_ID");
        Optional<String> secret = context.env("AWS_SECRET_ACCESS_KEY");
        if (keyId.isPresent() && secret.isPresent()) {
            return keys(keyId.get(), Secret.of(secret.get()), context.env("AWS_SESSION_TOKEN").map(Secret::of),
                    "env keys AWS_ACCESS_KEY_ID");
        }
        Optional<String> tokenFile = context.env("AWS_WEB_IDENTITY_TOKEN_FILE");
        Optional<String> webRole = context.env("AWS_ROLE_ARN");
        if (tokenFile.isPresent() && webRole.isPresent()) {
            return webIdentity(Path.of(tokenFile.get()), webRole.get(),
                    context.env("AWS_ROLE_SESSION_NAME").orElse(settings.sessionName()));
        }
        String profileName = settings.profile().or(() -> context.env("AWS_PROFILE")).orElse("default");
        ProfileFile profiles = clients.profileFile();
        if (profiles.profile(profileName).isPresent()) {
            return new AwsIdentity(ProfileCredentialsProvider.builder().profileFile(profiles).profileName(profileName)
                    .build(), "profile " + profileName, List.of(), Optional.empty());
        }
        if (settings.profile().isPresent() || context.env("AWS_PROFILE").isPresent()) {
            throw noCredentials("profile " + profileName + " is not in the AWS config or credentials file");
        }
        List<AwsCredentialsProvider> ambient = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (context.env("AWS_CONTAINER_CREDENTIALS_FULL_URI").isPresent()
                || context.env("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI").isPresent()) {
            ambient.add(ContainerCredentialsProvider.builder().build());
            names.add("container role");
        }
        if (instanceMetadata(context, Path.of("/"))) {
            ambient.add(InstanceProfileCredentialsProvider.builder().profileFile(profiles).build());
            names.add("instance role");
        }
        if (ambient.isEmpty()) {
            throw noCredentials("no AWS keys, web identity, profile or container role in the environment, and no "
                    + "instance role (not an EC2 instance, or AWS_EC2_METADATA_DISABLED=true)");
        }
        return new AwsIdentity(AwsCredentialsProviderChain.builder().credentialsProviders(ambient)
                .reuseLastProviderEnabled(true).build(), String.join(" or ", names), List.of(), Optional.empty());
    }

    private Optional<AwsIdentity> configuredKeys() {
        if (settings.accessKeyIdEnv().isEmpty() && settings.secretAccessKeyEnv().isEmpty()) {
            return Optional.empty();
        }
        ProviderContext context = clients.context();
        String idName = settings.accessKeyIdEnv().orElse("AWS_ACCESS_KEY_ID");
        String secretName = settings.secretAccessKeyEnv().orElse("AWS_SECRET_ACCESS_KEY");
        String keyId = context.env(idName).orElseThrow(() -> noCredentials("cloud.access_key_id_env names " + idName
                + ", which is not set"));
        String secret = context.env(secretName).orElseThrow(() -> noCredentials("cloud.secret_access_key_env names "
                + secretName + ", which is not set"));
        Optional<Secret> token = settings.sessionTokenEnv().flatMap(context::env).map(Secret::of);
        return Optional.of(keys(keyId, Secret.of(secret), token, "env keys " + idName));
    }

    private static AwsIdentity keys(String keyId, Secret secret, Optional<Secret> sessionToken, String source) {
        AwsCredentialsProvider provider = StaticCredentialsProvider.create(sessionToken
                .<software.amazon.awssdk.auth.credentials.AwsCredentials>map(
                        t -> AwsSessionCredentials.create(keyId, secret.reveal(), t.reveal()))
                .orElseGet(() -> AwsBasicCredentials.create(keyId, secret.reveal())));
        return new AwsIdentity(provider, source, List.of(), Optional.empty());
    }

    private AwsIdentity webIdentity(Path tokenFile, String roleArn, String sessionName) {
        String source = "web identity token " + tokenFile + " for role " + roleArn;
        AwsIdentity caller = new AwsIdentity(AnonymousCredentialsProvider.create(), source, List.of(), Optional.empty());
        // the call is not signed: the token is the credential
        try (StsClient sts = clients.sts(AnonymousCredentialsProvider.create(), region)) {
            Credentials c = sts.assumeRoleWithWebIdentity(r -> r.roleArn(roleArn).roleSessionName(sessionName)
                    .webIdentityToken(readToken(tokenFile))).credentials();
            return new AwsIdentity(StaticCredentialsProvider.create(AwsSessionCredentials.builder()
                    .accessKeyId(c.accessKeyId()).secretAccessKey(c.secretAccessKey()).sessionToken(c.sessionToken())
                    .expirationTime(c.expiration()).build()), source, List.of(), Optional.ofNullable(c.expiration()));
        } catch (SdkException e) {
            throw AwsFailures.classify(e, "sts:AssumeRoleWithWebIdentity", caller, clients.context().registry().hostKey())
                    .toBuilder().evidence("role_arn", roleArn).build();
        }
    }

    private String readToken(Path tokenFile) {
        try {
            return Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw noCredentials("the web identity token file " + tokenFile + " cannot be read (" + e.getMessage() + ")");
        }
    }

    private RegistryException noCredentials(String why) {
        return RegistryException.builder(FailureCode.AUTH_NO_CREDENTIALS, "no AWS identity for ECR: " + why)
                .registry(clients.context().registry().hostKey())
                .hint("Give stella an AWS identity: set AWS_PROFILE (after aws configure or aws sso login), export "
                        + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, annotate the Kubernetes service account with "
                        + "eks.amazonaws.com/role-arn (IRSA), or run on an instance or task with an IAM role.")
                .build();
    }
}
