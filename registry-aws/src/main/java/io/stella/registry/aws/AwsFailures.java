package io.stella.registry.aws;

import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns what an AWS call threw into a stella failure with the AWS fix in its hint. */
public final class AwsFailures {
    private static final Set<String> REJECTED = Set.of("UnrecognizedClientException", "InvalidSignatureException",
            "InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException", "AuthFailure",
            "IncompleteSignature", "InvalidAccessKeyId", "InvalidIdentityToken", "IDPCommunicationError");
    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
            "UnauthorizedException", "AccessDeniedForDependencyException");
    private static final Set<String> THROTTLED = Set.of("ThrottlingException", "Throttling", "TooManyRequestsException",
            "RequestLimitExceeded", "ThrottledException", "LimitExceededException");

    private AwsFailures() {
    }

    /**
     * @param action    the IAM action that was called, e.g. {@code ecr:GetAuthorizationToken}
     * @param identity  who called, for the hint
     * @param registry  the registry host the failure is about
     */
    public static RegistryException classify(SdkException e, String action, AwsIdentity identity, String registry) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service(service.awsErrorDetails().errorCode(), service.statusCode(),
                    Optional.ofNullable(service.awsErrorDetails().errorMessage()), Optional.ofNullable(service.requestId()),
                    action, identity, registry).cause(e).build();
        }
        return client(e, action, identity, registry);
    }

    /** An error answer of an AWS API, by its error code ({@code __type} or {@code <Code>}). */
    public static RegistryException.Builder service(String code, int status, Optional<String> message,
                                                    Optional<String> requestId, String action, AwsIdentity identity,
                                                    String registry) {
        String who = identity.describe();
        RegistryException.Builder b;
        if (REJECTED.contains(code)) {
            b = RegistryException.builder(FailureCode.AUTH_INVALID_CREDENTIALS,
                            "AWS rejected the credentials (" + code + ") calling " + action)
                    .hint(code.startsWith("Expired")
                            ? "The session credentials of " + who + " have expired: renew them (aws sso login, a new "
                                    + "AWS_SESSION_TOKEN, or let the role be assumed again), and check this host's clock."
                            : "The AWS keys of " + who + " are wrong, deleted or deactivated, or this host's clock is off: "
                                    + "check them with aws sts get-caller-identity, rotate them in IAM, or use a role.");
        } else if (DENIED.contains(code) && action.equals("sts:AssumeRoleWithWebIdentity")) {
            b = RegistryException.builder(FailureCode.AUTH_INSUFFICIENT_SCOPE,
                            "AWS denied sts:AssumeRoleWithWebIdentity with " + who)
                    .hint("The role's trust policy must trust the cluster's OIDC provider as Federated principal, with "
                            + "conditions matching the token's aud (sts.amazonaws.com) and sub "
                            + "(system:serviceaccount:<namespace>:<service account>); check the service account's "
                            + "eks.amazonaws.com/role-arn annotation.");
        } else if (DENIED.contains(code) && action.equals("sts:AssumeRole")) {
            b = RegistryException.builder(FailureCode.AUTH_INSUFFICIENT_SCOPE,
                            "AWS denied sts:AssumeRole to " + who)
                    .hint("Allow it both ways: the role's trust policy must name the caller as Principal (with the "
                            + "sts:ExternalId condition matching cloud.external_id when it has one), and the caller's "
                            + "policy must allow sts:AssumeRole on the role's ARN.");
        } else if (DENIED.contains(code) && action.equals("ecr:DescribeRepositories")) {
            b = RegistryException.builder(FailureCode.CATALOG_DENIED, "AWS denied ecr:DescribeRepositories to " + who)
                    .hint(allow(identity, "ecr:DescribeRepositories")
                            + ", or list the repositories in the registry's repositories: setting.");
        } else if (DENIED.contains(code) && action.equals("ec2:DescribeRegions")) {
            b = RegistryException.builder(FailureCode.AUTH_INSUFFICIENT_SCOPE, "AWS denied " + action + " to " + who)
                    .hint(allow(identity, action) + ", or name the regions in cloud.allow_list_regions.");
        } else if (DENIED.contains(code)) {
            b = RegistryException.builder(FailureCode.AUTH_INSUFFICIENT_SCOPE, "AWS denied " + action + " to " + who)
                    .hint(allow(identity, action) + (action.startsWith("ecr:") ? " (the managed policy "
                            + "AmazonEC2ContainerRegistryReadOnly has the ECR read actions)." : "."));
        } else if (THROTTLED.contains(code)) {
            b = RegistryException.builder(FailureCode.REGISTRY_RATE_LIMITED, "AWS throttled " + action + " (" + code + ")")
                    .hint("Wait and retry, lower scan concurrency, raise AWS_MAX_ATTEMPTS, or ask AWS for a higher "
                            + "quota of " + action + " (Service Quotas).");
        } else if (code.equals("RepositoryNotFoundException") || code.equals("RegistryNotFoundException")) {
            b = RegistryException.builder(FailureCode.REPOSITORY_NOT_FOUND_OR_DENIED, "ECR has no such repository ("
                            + code + ") for " + action)
                    .hint("Check the repository name and the account and region of the registry host.");
        } else if (code.equals("AWSOrganizationsNotInUseException")) {
            b = RegistryException.builder(FailureCode.CONFIG_INVALID, "the account is not in an AWS Organization")
                    .hint("cloud.management_account_role_arn must be a role in an Organizations management account "
                            + "(or a delegated administrator); remove it to use the single registry.");
        } else if (status >= 500) {
            b = RegistryException.builder(FailureCode.REGISTRY_UNAVAILABLE, "AWS answered " + status + " (" + code
                            + ") to " + action)
                    .hint("The AWS service is failing; check the AWS Health Dashboard and retry later.");
        } else {
            b = RegistryException.builder(FailureCode.REGISTRY_PROTOCOL_ERROR, "AWS refused " + action + " (" + code + ")")
                    .hint("The evidence has AWS's message; check the cloud: settings of the registry.");
        }
        b.registry(registry).evidence("aws_action", action).evidence("aws_error_code", code)
                .evidence("http_status", status).evidence("aws_identity", who);
        message.ifPresent(m -> b.evidence("aws_message", m));
        requestId.ifPresent(id -> b.evidence("aws_request_id", id));
        return b;
    }

    private static String allow(AwsIdentity identity, String action) {
        String principal = identity.currentRole().map(r -> "the role " + r).orElse("the identity " + identity.source());
        return "Add " + action + " to the IAM policy of " + principal
                + (action.startsWith("ecr:") && !action.equals("ecr:GetAuthorizationToken")
                        ? " (and allow it in the repository policy when the repository is in another account)" : "");
    }

    private static RegistryException client(SdkException e, String action, AwsIdentity identity, String registry) {
        FailureCode code = FailureCode.NETWORK_ERROR;
        String hint = "Check connectivity and proxies (HTTPS_PROXY/NO_PROXY) to the AWS API endpoint of " + action
                + ", or the AWS_ENDPOINT_URL_* override.";
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("Unable to load credentials")) {
            return RegistryException.builder(FailureCode.AUTH_NO_CREDENTIALS, "no AWS credentials could be loaded from "
                            + identity.source())
                    .registry(registry)
                    .hint("Set AWS_PROFILE, export AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, annotate the service "
                            + "account with eks.amazonaws.com/role-arn (IRSA), or attach an IAM role to the instance or task.")
                    .evidence("aws_action", action)
                    .cause(e)
                    .build();
        }
        if (message.startsWith("Invalid Configuration")) {
            return RegistryException.builder(FailureCode.CONFIG_INVALID, "the AWS SDK refused the configuration for "
                            + action + ": " + firstLine(message))
                    .registry(registry)
                    .hint("Check the region (from the registry host or cloud.region) and the AWS_ENDPOINT_URL_* and "
                            + "AWS_USE_FIPS_ENDPOINT settings.")
                    .evidence("aws_action", action)
                    .cause(e)
                    .build();
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            code = FailureCode.NETWORK_TIMEOUT;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                code = FailureCode.NETWORK_DNS;
                hint = "The AWS endpoint's name does not resolve: check DNS, the region, and AWS_ENDPOINT_URL_*.";
                break;
            }
            if (t instanceof ConnectException) {
                code = FailureCode.NETWORK_CONNECTION_REFUSED;
                break;
            }
            if (t instanceof SocketTimeoutException) {
                code = FailureCode.NETWORK_TIMEOUT;
                break;
            }
            if (t instanceof com.fasterxml.jackson.core.JsonProcessingException
                    || t instanceof javax.xml.stream.XMLStreamException
                    || t.getClass().getName().contains("JsonParse")
                    || (t.getMessage() != null && t.getMessage().contains("nmarshall"))) {
                code = FailureCode.REGISTRY_PROTOCOL_ERROR;
                hint = "The AWS endpoint answered something that is not an AWS API response: check "
                        + "AWS_ENDPOINT_URL_* and any proxy in between.";
                break;
            }
            if (t instanceof IOException && code == FailureCode.NETWORK_ERROR) {
                code = FailureCode.NETWORK_ERROR;
            }
        }
        return RegistryException.builder(code, "calling " + action + " failed: " + firstLine(message))
                .registry(registry)
                .hint(hint)
                .evidence("aws_action", action)
                .cause(e)
                .build();
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
