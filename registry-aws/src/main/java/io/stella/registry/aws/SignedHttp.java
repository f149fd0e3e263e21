package io.stella.registry.aws;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * One AWS API call made without a service SDK module: a POST signed with the SDK's SigV4 signer and sent with
 * its HTTP client. Used for the two calls whose SDK modules are not worth carrying (Organizations ListAccounts,
 * EC2 DescribeRegions).
 */
final class SignedHttp {

    /** The answer: status, body and AWS request id. */
    record Answer(int status, byte[] body, Optional<String> requestId) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private SignedHttp() {
    }

    /**
     * @throws IOException when the endpoint cannot be reached or the connection breaks
     */
    static Answer post(SdkHttpClient http, AwsIdentity identity, URI endpoint, String signingName, String region,
                       Map<String, String> headers, byte[] body) throws IOException {
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Length", Integer.toString(body.length));
        headers.forEach(unsigned::putHeader);
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(identity.credentials().resolveCredentials())
                .request(unsigned.build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                .contentStreamProvider(signed.payload().orElse(null)).build()).call();
        byte[] answer;
        try (InputStream in = response.responseBody().map(InputStream.class::cast).orElse(InputStream.nullInputStream())) {
            answer = in.readAllBytes();
        }
        Optional<String> requestId = response.httpResponse().firstMatchingHeader("x-amzn-RequestId")
                .or(() -> response.httpResponse().firstMatchingHeader("x-amz-request-id"));
        return new Answer(response.httpResponse().statusCode(), answer, requestId);
    }
}
