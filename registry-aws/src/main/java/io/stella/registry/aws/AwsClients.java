package io.stella.registry.aws;

import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds the SDK clients from the provider context only: endpoints from the documented
 * {@code AWS_ENDPOINT_URL_<SERVICE>} / {@code AWS_ENDPOINT_URL}, attempts from {@code AWS_MAX_ATTEMPTS}, the
 * profile files the context names, an explicit region and the one URLConnection HTTP client.
 */
public final class AwsClients {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final ProviderContext context;
    private final ProfileFile profileFile;

    public AwsClients(ProviderContext context, ProfileFile profileFile) {
        this.context = context;
        this.profileFile = profileFile;
    }

    public ProviderContext context() {
        return context;
    }

    public ProfileFile profileFile() {
        return profileFile;
    }

    public EcrClient ecr(AwsCredentialsProvider credentials, EcrTarget target) {
        // an endpoint override names the endpoint itself; the SDK refuses FIPS together with one
        boolean fips = target.fips() && endpoint("ECR").isEmpty();
        return configure(EcrClient.builder().fipsEnabled(fips), "ECR", credentials, target.region()).build();
    }

    public StsClient sts(AwsCredentialsProvider credentials, String region) {
        return configure(StsClient.builder(), "STS", credentials, region).build();
    }

    /** A plain HTTP client for the calls made without a service SDK module (Organizations, EC2); the caller closes it. */
    public SdkHttpClient http() {
        return UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(READ_TIMEOUT).build();
    }

    /** The endpoint override for a service id ({@code ECR}, {@code STS}, {@code ORGANIZATIONS}), if the env sets one. */
    public Optional<URI> endpoint(String serviceId) {
        String name = "AWS_ENDPOINT_URL_" + serviceId.toUpperCase(Locale.ROOT).replace(' ', '_');
        Optional<String> value = context.env(name).or(() -> context.env("AWS_ENDPOINT_URL"));
        return value.map(v -> {
            try {
                return URI.create(v.strip());
            } catch (IllegalArgumentException e) {
                throw RegistryException.builder(FailureCode.CONFIG_INVALID, name + " is not a URL")
                        .registry(context.registry().hostKey())
                        .hint("Set " + name + " to the service endpoint, e.g. https://" + serviceId.toLowerCase(Locale.ROOT)
                                + ".us-east-1.amazonaws.com, or unset it.")
                        .build();
            }
        });
    }

    /** Attempts per call (the SDK's standard retry strategy), from {@code AWS_MAX_ATTEMPTS} when set. */
    public Optional<Integer> maxAttempts() {
        return context.env("AWS_MAX_ATTEMPTS").map(v -> {
            try {
                int n = Integer.parseInt(v.strip());
                if (n < 1) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw RegistryException.builder(FailureCode.CONFIG_INVALID, "AWS_MAX_ATTEMPTS is not a positive number")
                        .registry(context.registry().hostKey())
                        .hint("Set AWS_MAX_ATTEMPTS to 1 or more (the SDK's default is 3), or unset it.")
                        .evidence("AWS_MAX_ATTEMPTS", v)
                        .build();
            }
        });
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String serviceId,
                                                           AwsCredentialsProvider credentials, String region) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .defaultProfileFileSupplier(() -> profileFile)
                .apiCallTimeout(READ_TIMEOUT.multipliedBy(3));
        maxAttempts().ifPresent(n -> override.retryStrategy(
                AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(n).build()));
        builder.region(Region.of(region)).credentialsProvider(credentials).overrideConfiguration(override.build());
        endpoint(serviceId).ifPresent(builder::endpointOverride);
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT)
                    .socketTimeout(READ_TIMEOUT));
        }
        return builder;
    }
}
