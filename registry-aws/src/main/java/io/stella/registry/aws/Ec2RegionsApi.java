package io.stella.registry.aws;

import io.stella.registry.aws.wire.Ec2QueryXml;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * EC2 {@code DescribeRegions} over the EC2 Query protocol, signed by the SDK ({@link SignedHttp}): the regions
 * enabled for the account. The SDK's EC2 module (26 MB) would be carried for this one call.
 */
public final class Ec2RegionsApi {
    static final String VERSION = "2016-11-15";

    private final AwsClients clients;

    public Ec2RegionsApi(AwsClients clients) {
        this.clients = clients;
    }

    /** The names of the regions enabled for the account of {@code identity}, asked in {@code region}. */
    public List<String> regions(AwsIdentity identity, String region, String registry) {
        String action = "ec2:DescribeRegions";
        boolean china = region.startsWith("cn-");
        URI endpoint = clients.endpoint("EC2").orElse(URI.create("https://ec2." + region + ".amazonaws.com"
                + (china ? ".cn" : "")));
        byte[] body = ("Action=DescribeRegions&Version=" + URLEncoder.encode(VERSION, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        try (SdkHttpClient http = clients.http()) {
            SignedHttp.Answer answer = SignedHttp.post(http, identity, endpoint, "ec2", region,
                    Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), body);
            if (!answer.ok()) {
                Ec2QueryXml.Error error = Ec2QueryXml.error(answer.body())
                        .orElse(new Ec2QueryXml.Error(answer.status() >= 500 ? "InternalError" : "UnknownError",
                                java.util.Optional.empty()));
                throw AwsFailures.service(error.code(), answer.status(), error.message(), answer.requestId(), action,
                        identity, registry).build();
            }
            try {
                return Ec2QueryXml.regionNames(answer.body()).stream().sorted().toList();
            } catch (IOException e) {
                throw RegistryException.builder(FailureCode.REGISTRY_PROTOCOL_ERROR,
                                "ec2:DescribeRegions answered something that is not a DescribeRegionsResponse")
                        .registry(registry)
                        .hint("Check AWS_ENDPOINT_URL_EC2 / AWS_ENDPOINT_URL and any proxy in between.")
                        .cause(e)
                        .build();
            }
        } catch (IOException e) {
            throw AwsFailures.classify(SdkClientException.create(e.getMessage(), e), action, identity, registry);
        } catch (SdkException e) {
            throw AwsFailures.classify(e, action, identity, registry);
        }
    }
}
