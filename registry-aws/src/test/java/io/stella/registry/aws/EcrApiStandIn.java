package io.stella.registry.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.stella.testing.TokenService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * A loopback stand-in for the AWS APIs the ECR provider calls, speaking their documented wire formats: ECR and
 * Organizations over AWS JSON 1.1 ({@code X-Amz-Target}), STS over the Query protocol (form body, XML answers),
 * EC2 {@code DescribeRegions} over the EC2 Query protocol. It checks every SigV4 signature against the secret of
 * the access key (recomputing it with the SDK's signer) and the session token of session keys, and records every
 * request for the tests to assert on.
 */
public final class EcrApiStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CREDENTIAL = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]+)");
    private static final String STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";

    /** A caller known to the stand-in by access key. */
    record Principal(String accessKeyId, String secretKey, Optional<String> sessionToken, String account, String arn,
                     String userId, Optional<Instant> expiresAt) {
    }

    /** One request as received. */
    public record Call(String service, String action, String accessKeyId, String region, String signingService,
                Map<String, String> headers, Map<String, String> params, JsonNode json) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    record Fault(int status, String code, String message) {
    }

    public record Image(String digest, List<String> tags, Instant pushedAt, String manifest) {
    }

    private final HttpServer server;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Principal> principals = new ConcurrentHashMap<>();
    private final Map<String, Optional<String>> roles = new ConcurrentHashMap<>(); // role ARN -> required external id
    private final Map<String, Fault> faults = new ConcurrentHashMap<>(); // "service:Action[@account]" -> fault
    private final Map<String, Map<String, List<Image>>> repositories = new ConcurrentHashMap<>(); // "account/region" -> repo -> images
    private final Map<String, String> accounts = new LinkedHashMap<>(); // organization accounts id -> state
    private final List<String> regions = new CopyOnWriteArrayList<>(List.of("eu-west-1", "us-east-1"));
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile Duration tokenTtl = Duration.ofHours(12);
    private volatile TokenService registryTokens;
    private volatile String lastPassword;
    private volatile String rawEcrAnswer;

    private EcrApiStandIn(Clock clock) {
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public static EcrApiStandIn start(Clock clock) {
        return new EcrApiStandIn(clock);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** An IAM user's long-term keys. */
    public EcrApiStandIn user(String accessKeyId, String secretKey, String account, String name) {
        principals.put(accessKeyId, new Principal(accessKeyId, secretKey, Optional.empty(), account,
                "arn:aws:iam::" + account + ":user/" + name, "AIDA" + name.toUpperCase(Locale.ROOT), Optional.empty()));
        return this;
    }

    /** Session keys (as from aws sso or a prior AssumeRole), valid until {@code expiresAt}. */
    EcrApiStandIn session(String accessKeyId, String secretKey, String token, String account, Instant expiresAt) {
        principals.put(accessKeyId, new Principal(accessKeyId, secretKey, Optional.of(token), account,
                "arn:aws:sts::" + account + ":assumed-role/sso/dev", "AROASSO:dev", Optional.of(expiresAt)));
        return this;
    }

    /** A role anyone known may assume, with the external id its trust policy requires, if any. */
    public EcrApiStandIn role(String roleArn, Optional<String> externalId) {
        roles.put(roleArn, externalId);
        return this;
    }

    public EcrApiStandIn repository(String account, String region, String name, Image... images) {
        repositories.computeIfAbsent(account + "/" + region, k -> new ConcurrentHashMap<>()).put(name, List.of(images));
        return this;
    }

    public EcrApiStandIn organizationAccount(String id, String state) {
        synchronized (accounts) {
            accounts.put(id, state);
        }
        return this;
    }

    EcrApiStandIn regions(List<String> names) {
        regions.clear();
        regions.addAll(names);
        return this;
    }

    /** Answers {@code service:Action} (optionally {@code @account} of the caller) with an error from now on. */
    public EcrApiStandIn fault(String action, int status, String code, String message) {
        faults.put(action, new Fault(status, code, message));
        return this;
    }

    public EcrApiStandIn clearFaults() {
        faults.clear();
        return this;
    }

    /** The body of the next ECR answers, as is (for malformed answers); null to answer properly again. */
    EcrApiStandIn rawEcrAnswer(String body) {
        rawEcrAnswer = body;
        return this;
    }

    /** GetAuthorizationToken sets each password it issues on this token service's user "AWS". */
    public EcrApiStandIn issuePasswordsTo(TokenService tokens) {
        registryTokens = tokens;
        return this;
    }

    public EcrApiStandIn tokenTtl(Duration ttl) {
        tokenTtl = ttl;
        return this;
    }

    /** ECR replaces the registry password it issued last; the old one stops working at once. */
    void rotatePassword() {
        String fresh = newSecret();
        lastPassword = fresh;
        if (registryTokens != null) {
            registryTokens.setPassword("AWS", fresh);
        }
    }

    public String lastPassword() {
        return lastPassword;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String action) {
        return calls.stream().filter(c -> (c.service() + ":" + c.action()).equals(action)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            String target = headers.get("x-amz-target");
            String service;
            String action;
            Map<String, String> params = Map.of();
            JsonNode json = null;
            if (target != null) {
                service = target.startsWith("AmazonEC2ContainerRegistry_V20150921.") ? "ecr"
                        : target.startsWith("AWSOrganizationsV20161128.") ? "organizations" : "unknown";
                action = target.substring(target.indexOf('.') + 1);
                json = JSON.readTree(body.length == 0 ? "{}".getBytes() : body);
                if (!"application/x-amz-json-1.1".equals(headers.get("content-type"))) {
                    send(exchange, 400, "application/json", "{\"__type\":\"SerializationException\"}");
                    return;
                }
            } else {
                params = form(new String(body, StandardCharsets.UTF_8));
                action = params.getOrDefault("Action", "");
                service = action.equals("DescribeRegions") ? "ec2" : "sts";
            }
            Matcher auth = CREDENTIAL.matcher(headers.getOrDefault("authorization", ""));
            boolean signed = auth.matches();
            Call call = new Call(service, action, signed ? auth.group(1) : null, signed ? auth.group(3) : null,
                    signed ? auth.group(4) : null, headers, params, json);
            calls.add(call);
            if (action.equals("AssumeRoleWithWebIdentity")) {
                assumeRoleWithWebIdentity(exchange, params);
                return;
            }
            Principal caller = signed ? principals.get(auth.group(1)) : null;
            if (caller == null) {
                error(exchange, service, 403, service.equals("ecr") ? "UnrecognizedClientException"
                        : service.equals("ec2") ? "AuthFailure" : "InvalidClientTokenId",
                        "The security token included in the request is invalid.");
                return;
            }
            if (caller.sessionToken().isPresent() && !caller.sessionToken().get().equals(headers.get("x-amz-security-token"))) {
                error(exchange, service, 403, "InvalidClientTokenId", "The security token included in the request is invalid.");
                return;
            }
            if (caller.expiresAt().isPresent() && !clock.instant().isBefore(caller.expiresAt().get())) {
                error(exchange, service, 400, service.equals("sts") ? "ExpiredToken" : "ExpiredTokenException",
                        "The security token included in the request is expired");
                return;
            }
            if (!signatureValid(exchange, headers, body, caller, auth)) {
                error(exchange, service, 403, service.equals("ecr") ? "InvalidSignatureException" : "SignatureDoesNotMatch",
                        "The request signature we calculated does not match the signature you provided.");
                return;
            }
            Fault fault = Optional.ofNullable(faults.get(service + ":" + action + "@" + caller.account()))
                    .orElse(faults.get(service + ":" + action));
            if (fault != null) {
                error(exchange, service, fault.status(), fault.code(), fault.message().replace("{arn}", caller.arn()));
                return;
            }
            switch (service + ":" + action) {
                case "sts:AssumeRole" -> assumeRole(exchange, caller, params);
                case "sts:GetCallerIdentity" -> sendXml(exchange, 200, "<GetCallerIdentityResponse xmlns=\"" + STS_NS + "\">"
                        + "<GetCallerIdentityResult><Arn>" + caller.arn() + "</Arn><UserId>" + caller.userId()
                        + "</UserId><Account>" + caller.account() + "</Account></GetCallerIdentityResult>"
                        + metadata() + "</GetCallerIdentityResponse>");
                case "ecr:GetAuthorizationToken" -> authorizationToken(exchange, caller, json);
                case "ecr:DescribeRepositories" -> describeRepositories(exchange, caller, call, json);
                case "ecr:DescribeImages" -> describeImages(exchange, caller, call, json);
                case "ecr:BatchGetImage" -> batchGetImage(exchange, caller, call, json);
                case "ecr:GetDownloadUrlForLayer" -> sendJson(exchange, JSON.createObjectNode()
                        .put("downloadUrl", "https://prod-" + call.region() + "-starport-layer-bucket.s3.amazonaws.com/x")
                        .put("layerDigest", json.path("layerDigest").asText()));
                case "organizations:ListAccounts" -> listAccounts(exchange, json);
                case "ec2:DescribeRegions" -> describeRegions(exchange);
                default -> error(exchange, service, 400, "InvalidAction", "unknown action " + action);
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private boolean signatureValid(HttpExchange exchange, Map<String, String> headers, byte[] body, Principal caller,
                                   Matcher auth) {
        String amzDate = headers.get("x-amz-date");
        if (amzDate == null) {
            return false;
        }
        Instant at = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .parse(amzDate, Instant::from);
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(exchange.getRequestMethod()))
                .uri(URI.create("http://" + headers.get("host") + exchange.getRequestURI()));
        for (String name : auth.group(5).split(";")) {
            if (!name.equals("host") && !name.equals("x-amz-date") && headers.containsKey(name)) {
                request.putHeader(name, headers.get(name));
            }
        }
        SignedRequest recomputed = AwsV4HttpSigner.create().sign(r -> r
                .identity(caller.sessionToken().<software.amazon.awssdk.identity.spi.AwsCredentialsIdentity>map(
                                t -> AwsSessionCredentials.create(caller.accessKeyId(), caller.secretKey(), t))
                        .orElseGet(() -> AwsBasicCredentials.create(caller.accessKeyId(), caller.secretKey())))
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, auth.group(4))
                .putProperty(AwsV4HttpSigner.REGION_NAME, auth.group(3))
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
        Matcher again = CREDENTIAL.matcher(recomputed.request().firstMatchingHeader("Authorization").orElse(""));
        return again.matches() && again.group(6).equals(auth.group(6));
    }

    private void assumeRole(HttpExchange exchange, Principal caller, Map<String, String> params) throws IOException {
        String roleArn = params.get("RoleArn");
        Optional<String> required = roles.get(roleArn);
        if (required == null || (required.isPresent() && !required.get().equals(params.get("ExternalId")))) {
            error(exchange, "sts", 403, "AccessDenied", "User: " + caller.arn()
                    + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
            return;
        }
        Principal session = issueSession(roleArn, params.getOrDefault("RoleSessionName", ""));
        sendXml(exchange, 200, "<AssumeRoleResponse xmlns=\"" + STS_NS + "\"><AssumeRoleResult>"
                + sessionXml(session) + "</AssumeRoleResult>" + metadata() + "</AssumeRoleResponse>");
    }

    private void assumeRoleWithWebIdentity(HttpExchange exchange, Map<String, String> params) throws IOException {
        String roleArn = params.get("RoleArn");
        if (!roles.containsKey(roleArn) || !"web-identity-jwt".equals(params.get("WebIdentityToken"))) {
            error(exchange, "sts", 403, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity");
            return;
        }
        Principal session = issueSession(roleArn, params.getOrDefault("RoleSessionName", ""));
        sendXml(exchange, 200, "<AssumeRoleWithWebIdentityResponse xmlns=\"" + STS_NS + "\"><AssumeRoleWithWebIdentityResult>"
                + sessionXml(session) + "<SubjectFromWebIdentityToken>system:serviceaccount:ci:stella</SubjectFromWebIdentityToken>"
                + "</AssumeRoleWithWebIdentityResult>" + metadata() + "</AssumeRoleWithWebIdentityResponse>");
    }

    private Principal issueSession(String roleArn, String sessionName) {
        String account = roleArn.split(":")[4];
        String roleName = roleArn.substring(roleArn.indexOf(":role/") + 6);
        String keyId = "ASIA" + String.format("%016d", sequence.incrementAndGet());
        Principal session = new Principal(keyId, newSecret(), Optional.of(newSecret()), account,
                "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + sessionName,
                "AROA" + roleName.toUpperCase(Locale.ROOT) + ":" + sessionName, Optional.of(clock.instant().plus(Duration.ofHours(1))));
        principals.put(keyId, session);
        return session;
    }

    private static String sessionXml(Principal session) {
        return "<AssumedRoleUser><Arn>" + session.arn() + "</Arn><AssumedRoleId>" + session.userId()
                + "</AssumedRoleId></AssumedRoleUser><Credentials><AccessKeyId>" + session.accessKeyId()
                + "</AccessKeyId><SecretAccessKey>" + session.secretKey() + "</SecretAccessKey><SessionToken>"
                + session.sessionToken().orElseThrow() + "</SessionToken><Expiration>"
                + session.expiresAt().orElseThrow() + "</Expiration></Credentials>";
    }

    private void authorizationToken(HttpExchange exchange, Principal caller, JsonNode request) throws IOException {
        if (rawEcrAnswer != null) {
            send(exchange, 200, "application/x-amz-json-1.1", rawEcrAnswer);
            return;
        }
        String registry = request.path("registryIds").path(0).asText(caller.account());
        String password = newSecret();
        lastPassword = password;
        if (registryTokens != null) {
            registryTokens.setPassword("AWS", password);
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.putArray("authorizationData").addObject()
                .put("authorizationToken", Base64.getEncoder().encodeToString(("AWS:" + password).getBytes(StandardCharsets.UTF_8)))
                .put("expiresAt", clock.instant().plus(tokenTtl).toEpochMilli() / 1000.0)
                .put("proxyEndpoint", "https://" + registry + ".dkr.ecr.us-east-1.amazonaws.com");
        sendJson(exchange, answer);
    }

    private Map<String, List<Image>> registry(Principal caller, Call call, JsonNode request) {
        String account = request.path("registryId").asText(caller.account());
        return repositories.getOrDefault(account + "/" + call.region(), Map.of());
    }

    private void describeRepositories(HttpExchange exchange, Principal caller, Call call, JsonNode request) throws IOException {
        if (rawEcrAnswer != null) {
            send(exchange, 200, "application/x-amz-json-1.1", rawEcrAnswer);
            return;
        }
        String account = request.path("registryId").asText(caller.account());
        List<String> names = registry(caller, call, request).keySet().stream().sorted().toList();
        Page page = page(names.size(), request.path("nextToken").asText(null));
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode list = answer.putArray("repositories");
        for (String name : names.subList(page.from(), page.to())) {
            list.addObject().put("repositoryName", name)
                    .put("repositoryArn", "arn:aws:ecr:" + call.region() + ":" + account + ":repository/" + name)
                    .put("registryId", account)
                    .put("repositoryUri", account + ".dkr.ecr." + call.region() + ".amazonaws.com/" + name)
                    .put("createdAt", 1.7e9)
                    .put("imageTagMutability", "MUTABLE");
        }
        page.next().ifPresent(n -> answer.put("nextToken", n));
        sendJson(exchange, answer);
    }

    private void describeImages(HttpExchange exchange, Principal caller, Call call, JsonNode request) throws IOException {
        String account = request.path("registryId").asText(caller.account());
        String repository = request.path("repositoryName").asText();
        List<Image> images = registry(caller, call, request).get(repository);
        if (images == null) {
            error(exchange, "ecr", 400, "RepositoryNotFoundException", "The repository with name '" + repository
                    + "' does not exist in the registry with id '" + account + "'");
            return;
        }
        Page page = page(images.size(), request.path("nextToken").asText(null));
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode list = answer.putArray("imageDetails");
        for (Image image : images.subList(page.from(), page.to())) {
            ObjectNode detail = list.addObject().put("registryId", account).put("repositoryName", repository)
                    .put("imageDigest", image.digest())
                    .put("imagePushedAt", image.pushedAt().getEpochSecond())
                    .put("imageSizeInBytes", 1024)
                    .put("imageManifestMediaType", "application/vnd.oci.image.manifest.v1+json");
            ArrayNode tags = detail.putArray("imageTags");
            image.tags().forEach(tags::add);
        }
        page.next().ifPresent(n -> answer.put("nextToken", n));
        sendJson(exchange, answer);
    }

    private void batchGetImage(HttpExchange exchange, Principal caller, Call call, JsonNode request) throws IOException {
        String account = request.path("registryId").asText(caller.account());
        String repository = request.path("repositoryName").asText();
        String digest = request.path("imageIds").path(0).path("imageDigest").asText();
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode images = answer.putArray("images");
        registry(caller, call, request).getOrDefault(repository, List.of()).stream()
                .filter(i -> i.digest().equals(digest)).findFirst()
                .ifPresent(i -> {
                    ObjectNode image = images.addObject().put("registryId", account).put("repositoryName", repository)
                            .put("imageManifest", i.manifest())
                            .put("imageManifestMediaType", "application/vnd.oci.image.manifest.v1+json");
                    image.putObject("imageId").put("imageDigest", i.digest());
                });
        answer.putArray("failures");
        sendJson(exchange, answer);
    }

    private void listAccounts(HttpExchange exchange, JsonNode request) throws IOException {
        List<Map.Entry<String, String>> all;
        synchronized (accounts) {
            all = new ArrayList<>(accounts.entrySet());
        }
        Page page = page(all.size(), request.path("NextToken").asText(null));
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode list = answer.putArray("Accounts");
        for (Map.Entry<String, String> a : all.subList(page.from(), page.to())) {
            list.addObject().put("Id", a.getKey())
                    .put("Arn", "arn:aws:organizations::999999999999:account/o-example/" + a.getKey())
                    .put("Email", "aws+" + a.getKey() + "@example.com").put("Name", "account " + a.getKey())
                    .put("Status", a.getValue().equals("ACTIVE") ? "ACTIVE" : "SUSPENDED").put("State", a.getValue())
                    .put("JoinedMethod", "CREATED").put("JoinedTimestamp", 1.6e9);
        }
        page.next().ifPresent(n -> answer.put("NextToken", n));
        sendJson(exchange, answer);
    }

    private void describeRegions(HttpExchange exchange) throws IOException {
        StringBuilder items = new StringBuilder();
        for (String region : regions) {
            items.append("<item><regionName>").append(region).append("</regionName><regionEndpoint>ec2.").append(region)
                    .append(".amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>");
        }
        sendXml(exchange, 200, "<DescribeRegionsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>"
                + requestId() + "</requestId><regionInfo>" + items + "</regionInfo></DescribeRegionsResponse>");
    }

    /** Two items a page, so that every listing is paginated. */
    private record Page(int from, int to, Optional<String> next) {
    }

    private static Page page(int size, String token) {
        int from = token == null ? 0 : Integer.parseInt(token.substring("page-".length()));
        int to = Math.min(size, from + 2);
        return new Page(from, to, to < size ? Optional.of("page-" + to) : Optional.empty());
    }

    private void error(HttpExchange exchange, String service, int status, String code, String message) throws IOException {
        switch (service) {
            case "ecr", "organizations" -> send(exchange, status, "application/x-amz-json-1.1",
                    JSON.createObjectNode().put("__type", code).put("message", message).toString());
            case "ec2" -> sendXml(exchange, status, "<Response><Errors><Error><Code>" + code + "</Code><Message>" + message
                    + "</Message></Error></Errors><RequestID>" + requestId() + "</RequestID></Response>");
            default -> sendXml(exchange, status, "<ErrorResponse xmlns=\"" + STS_NS + "\"><Error><Type>Sender</Type><Code>"
                    + code + "</Code><Message>" + message + "</Message></Error><RequestId>" + requestId()
                    + "</RequestId></ErrorResponse>");
        }
    }

    private void sendJson(HttpExchange exchange, JsonNode body) throws IOException {
        send(exchange, 200, "application/x-amz-json-1.1", body.toString());
    }

    private void sendXml(HttpExchange exchange, int status, String xml) throws IOException {
        send(exchange, status, "text/xml", xml);
    }

    private void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private String metadata() {
        return "<ResponseMetadata><RequestId>" + requestId() + "</RequestId></ResponseMetadata>";
    }

    private String requestId() {
        return java.util.UUID.randomUUID().toString();
    }

    private String newSecret() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            params.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
