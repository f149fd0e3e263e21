package io.stella.registry.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.registry.aws.wire.AwsJsonError;
import io.stella.registry.aws.wire.ListAccountsRequest;
import io.stella.registry.aws.wire.ListAccountsResponse;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Organizations {@code ListAccounts} over its documented AWS JSON 1.1 protocol, signed by the SDK
 * ({@link SignedHttp}). The SDK's Organizations module cannot be resolved at the SDK version this build uses, so the
 * one call needed is made here.
 */
public final class OrganizationsApi {
    private static final String TARGET = "AWSOrganizationsV20161128.ListAccounts";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwsClients clients;
    private final AwsIdentity identity;
    private final String signingRegion;
    private final URI endpoint;

    public OrganizationsApi(AwsClients clients, AwsIdentity identity, boolean china) {
        this.clients = clients;
        this.identity = identity;
        // Organizations is a global service, served from us-east-1 (cn-northwest-1 in China)
        this.signingRegion = china ? "cn-northwest-1" : "us-east-1";
        this.endpoint = clients.endpoint("ORGANIZATIONS").orElse(URI.create(china
                ? "https://organizations.cn-northwest-1.amazonaws.com.cn" : "https://organizations.us-east-1.amazonaws.com"));
    }

    /** All accounts of the organization, every page. */
    public List<ListAccountsResponse.Account> listAccounts() {
        List<ListAccountsResponse.Account> accounts = new ArrayList<>();
        String next = null;
        try (SdkHttpClient http = clients.http()) {
            do {
                ListAccountsResponse page = call(http, new ListAccountsRequest(next, null));
                accounts.addAll(page.accounts());
                next = page.nextToken();
            } while (next != null && !next.isEmpty());
        }
        return accounts;
    }

    private ListAccountsResponse call(SdkHttpClient http, ListAccountsRequest request) {
        String action = "organizations:ListAccounts";
        String registry = clients.context().registry().hostKey();
        try {
            SignedHttp.Answer answer = SignedHttp.post(http, identity, endpoint, "organizations", signingRegion,
                    Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", TARGET),
                    JSON.writeValueAsBytes(request));
            if (!answer.ok()) {
                AwsJsonError error = parseError(answer.body(), answer.status(), registry);
                throw AwsFailures.service(error.code(), answer.status(), Optional.ofNullable(error.text()),
                        answer.requestId(), action, identity, registry).build();
            }
            return JSON.readValue(answer.body(), ListAccountsResponse.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw RegistryException.builder(FailureCode.REGISTRY_PROTOCOL_ERROR,
                            "organizations:ListAccounts answered something that is not JSON")
                    .registry(registry)
                    .hint("Check AWS_ENDPOINT_URL_ORGANIZATIONS / AWS_ENDPOINT_URL and any proxy in between.")
                    .cause(e)
                    .build();
        } catch (IOException e) {
            throw AwsFailures.classify(SdkClientException.create(e.getMessage(), e), action, identity, registry);
        } catch (SdkException e) {
            throw AwsFailures.classify(e, action, identity, registry);
        }
    }

    private static AwsJsonError parseError(byte[] answer, int status, String registry) {
        try {
            return JSON.readValue(answer, AwsJsonError.class);
        } catch (IOException e) {
            return new AwsJsonError(status >= 500 ? "InternalFailure" : "UnknownError", null, null);
        }
    }
}
