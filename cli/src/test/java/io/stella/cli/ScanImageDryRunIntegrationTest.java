package io.stella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code stella scan image --dry-run} against the three kinds of registry: table and JSON output, the reference as
 * argument and as {@code --image}, digests checked against what skopeo pushed, platform selection, and the failures
 * of the command itself (missing tag, unknown platform, invalid reference, a full scan without a database).
 */
class ScanImageDryRunIntegrationTest extends CliIntegrationTestBase {

    private CliResult scan(Mode mode, String... args) {
        List<String> all = new ArrayList<>(List.of("scan", "image"));
        all.addAll(List.of(args));
        all.add("--dry-run");
        all.addAll(r.aliceOptions(mode));
        return Cli.in(dir).runWithStdin(r.alicePassword(mode), all);
    }

    private static String expectedSource(Mode mode) {
        return mode == Mode.ANONYMOUS ? "anonymous" : "explicit (--username/--password-stdin)";
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void alpineAsArgumentPrintsTheTable(Mode mode) {
        CliResult result = scan(mode, r.image(mode, Registries.ALPINE));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains("Image:             " + r.image(mode, Registries.ALPINE))
                .contains("Registry:          " + r.host(mode) + " (" + r.url(mode) + ")")
                .contains("Repository:        library/alpine")
                .contains("Manifest digest:   " + r.alpineDigest(mode))
                .contains("Media type:        application/vnd.docker.distribution.manifest.v2+json")
                .contains("Platform:          linux/amd64")
                .containsPattern("Layers: +1 \\(2\\.\\d MiB compressed\\)")
                .containsPattern("sha256:[0-9a-f]{64} +2\\.\\d MiB +present")
                .contains("Auth method:       " + mode.authMethod())
                .contains("Credential source: " + expectedSource(mode))
                .contains("Result: OK (dry run");
        if (mode == Mode.TOKEN) {
            assertThat(result.out()).contains("Token lifetime:    420 s (expires ");
        } else {
            assertThat(result.out()).doesNotContain("Token lifetime");
        }
        assertThat(result.out()).doesNotContain("Index digest");
        assertThat(result.err()).as("no warnings for a clean run").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void alpineWithImageOptionAsJson(Mode mode) {
        CliResult result = scan(mode, "--image", r.image(mode, Registries.ALPINE), "--format", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode json = result.json();
        assertThat(json.path("status").asText()).isEqualTo("ok");
        assertThat(json.path("dry_run").asBoolean()).isTrue();
        assertThat(json.path("registry").asText()).isEqualTo(r.host(mode));
        assertThat(json.path("api").asText()).isEqualTo(r.url(mode));
        assertThat(json.path("repository").asText()).isEqualTo("library/alpine");
        assertThat(json.path("reference").asText()).isEqualTo("3.11");
        assertThat(json.path("manifest_digest").asText()).isEqualTo(r.alpineDigest(mode)).matches("sha256:[0-9a-f]{64}");
        assertThat(json.has("index_digest")).isFalse();
        assertThat(json.path("platform").asText()).isEqualTo("linux/amd64");
        assertThat(json.path("layer_count").asInt()).isEqualTo(1);
        assertThat(json.path("layers")).hasSize(1);
        assertThat(json.path("layers").get(0).path("status").asText()).isEqualTo("present");
        assertThat(json.path("total_size").asLong()).isEqualTo(json.path("layers").get(0).path("size").asLong());
        assertAuth(mode, json.path("auth"));
        assertThat(result.err()).isEmpty();
    }

    private static void assertAuth(Mode mode, JsonNode auth) {
        assertThat(auth.path("method").asText()).isEqualTo(mode.authMethod());
        assertThat(auth.path("credential_source").asText()).startsWith(expectedSource(mode));
        assertThat(auth.path("credential_kind").asText())
                .isEqualTo(mode == Mode.ANONYMOUS ? "anonymous" : "username-password");
        if (mode == Mode.TOKEN) {
            assertThat(auth.path("token_lifetime_seconds").asLong()).isEqualTo(Registries.TOKEN_TTL.toSeconds());
            assertThat(auth.path("token_expires_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(auth.path("token_requests").asInt()).isPositive();
        } else {
            assertThat(auth.has("token_lifetime_seconds")).isFalse();
            assertThat(auth.path("token_requests").asInt()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void singleArchImageDigestIsTheOnePushed(Mode mode) {
        CliResult result = scan(mode, "--image", r.image(mode, Registries.APP), "--format", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode json = result.json();
        assertThat(json.path("manifest_digest").asText()).isEqualTo(r.appDigest());
        assertThat(json.path("media_type").asText()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        JsonNode layer = r.firstLayer(r.appLayout, r.appDigest());
        assertThat(json.path("layers").get(0).path("digest").asText()).isEqualTo(layer.path("digest").asText());
        assertThat(json.path("layers").get(0).path("size").asLong()).isEqualTo(layer.path("size").asLong());
        assertAuth(mode, json.path("auth"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void multiArchIndexDefaultsToLinuxAmd64(Mode mode) {
        CliResult table = scan(mode, r.image(mode, Registries.MULTI));
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out())
                .contains("Index digest:      " + r.multiIndexDigest() + " (3 entries)")
                .contains("Manifest digest:   " + r.multiDigest("linux/amd64"))
                .contains("Platform:          linux/amd64");

        CliResult json = scan(mode, "--image", r.image(mode, Registries.MULTI), "--format", "json");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(json.json().path("index_digest").asText()).isEqualTo(r.multiIndexDigest());
        assertThat(json.json().path("manifest_digest").asText()).isEqualTo(r.multiDigest("linux/amd64"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void platformArm64PicksTheArm64Image(Mode mode) {
        CliResult result = scan(mode, r.image(mode, Registries.MULTI), "--platform", "linux/arm64", "--format", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode json = result.json();
        assertThat(json.path("platform").asText()).isEqualTo("linux/arm64");
        assertThat(json.path("manifest_digest").asText()).isEqualTo(r.multiDigest("linux/arm64"))
                .isNotEqualTo(r.multiDigest("linux/amd64"));
        assertThat(json.path("index_digest").asText()).isEqualTo(r.multiIndexDigest());
        JsonNode layer = r.firstLayer(r.multiLayout, r.multiDigest("linux/arm64"));
        assertThat(json.path("layers").get(0).path("digest").asText()).isEqualTo(layer.path("digest").asText());
    }

    @Test
    void platformWithVariantPicksArmV7() {
        CliResult result = scan(Mode.ANONYMOUS, r.image(Mode.ANONYMOUS, Registries.MULTI), "--platform", "linux/arm/v7");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Platform:          linux/arm/v7")
                .contains("Manifest digest:   " + r.multiDigest("linux/arm/v7"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void unknownPlatformIsPlatformNotFoundListingThePlatforms(Mode mode) {
        CliResult text = scan(mode, r.image(mode, Registries.MULTI), "--platform", "linux/s390x");

        assertThat(text.exitCode()).as(text.toString()).isEqualTo(4);
        assertThat(text.out()).isEmpty();
        assertThat(text.err()).startsWith("PLATFORM_NOT_FOUND: ")
                .contains("linux/s390x")
                .contains("linux/amd64, linux/arm64, linux/arm/v7")
                .contains("\nhint: ")
                .contains("--platform");

        CliResult json = scan(mode, r.image(mode, Registries.MULTI), "--platform", "linux/s390x", "--format", "json");
        assertThat(json.exitCode()).isEqualTo(4);
        JsonNode error = json.error();
        assertThat(error.path("code").asText()).isEqualTo("PLATFORM_NOT_FOUND");
        assertThat(error.path("hint").asText()).isNotBlank();
        assertThat(error.path("evidence").path("requested_platform").asText()).isEqualTo("linux/s390x");
        assertThat(error.path("evidence").path("available_platforms").asText())
                .isEqualTo("linux/amd64, linux/arm64, linux/arm/v7");
        assertThat(json.err()).as("with --format json the failure goes to stdout only").isEmpty();
    }

    /**
     * Every failure document names the registry and repository (README, "Failures and exit codes"). Fails today:
     * {@code ImageResolver} lets {@code PlatformSelector}'s exception through without registry/repository context.
     */
    @Test
    void platformNotFoundJsonNamesRegistryAndRepository() {
        CliResult json = scan(Mode.ANONYMOUS, r.image(Mode.ANONYMOUS, Registries.MULTI), "--platform", "linux/s390x",
                "--format", "json");
        assertThat(json.exitCode()).as(json.toString()).isEqualTo(4);
        assertThat(json.error().path("registry").asText()).as(json.toString()).isEqualTo(r.host(Mode.ANONYMOUS));
        assertThat(json.error().path("repository").asText()).as(json.toString()).isEqualTo("team/multi");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void missingTagIsImageNotFoundWithTheAvailableTags(Mode mode) {
        CliResult text = scan(mode, r.image(mode, "team/multi:9.9"));
        assertThat(text.exitCode()).as(text.toString()).isEqualTo(4);
        assertThat(text.err()).startsWith("IMAGE_NOT_FOUND: ").contains("'9.9'").contains("\nhint: ")
                .contains("available_tags: 1.0");

        CliResult json = scan(mode, r.image(mode, "team/multi:9.9"), "--format", "json");
        assertThat(json.exitCode()).isEqualTo(4);
        JsonNode error = json.error();
        assertThat(error.path("code").asText()).isEqualTo("IMAGE_NOT_FOUND");
        assertThat(error.path("message").asText()).contains("9.9").contains("team/multi");
        assertThat(error.path("hint").asText()).contains("1.0");
        assertThat(error.path("registry").asText()).isEqualTo(r.host(mode));
        assertThat(error.path("repository").asText()).isEqualTo("team/multi");
        assertThat(error.path("evidence").path("available_tags").asText()).isEqualTo("1.0");
        assertThat(error.path("evidence").path("http_status").asText()).isEqualTo("404");
    }

    @Test
    void invalidReferenceIsUsageError() {
        CliResult text = Cli.in(dir).run("scan", "image", r.host(Mode.ANONYMOUS) + "/Team/App:1.0", "--dry-run");
        assertThat(text.exitCode()).as(text.toString()).isEqualTo(2);
        assertThat(text.err()).startsWith("INVALID_REFERENCE: ").contains("Team/App").contains("\nhint: ");
        assertThat(text.out()).isEmpty();

        CliResult json = Cli.in(dir).run("scan", "image", "--image", "bad ref with spaces", "--dry-run",
                "--format", "json");
        assertThat(json.exitCode()).as(json.toString()).isEqualTo(2);
        assertThat(json.error().path("code").asText()).isEqualTo("INVALID_REFERENCE");
        assertThat(json.error().path("hint").asText()).isNotBlank();
    }

    @Test
    void twoDifferentImagesOrNoImageAreInvalidReferences() {
        CliResult two = Cli.in(dir).run("scan", "image", r.image(Mode.ANONYMOUS, Registries.APP), "--image",
                r.image(Mode.ANONYMOUS, Registries.MULTI), "--dry-run");
        assertThat(two.exitCode()).as(two.toString()).isEqualTo(2);
        assertThat(two.err()).startsWith("INVALID_REFERENCE: two different images");

        CliResult none = Cli.in(dir).run("scan", "image", "--dry-run");
        assertThat(none.exitCode()).as(none.toString()).isEqualTo(2);
        assertThat(none.err()).startsWith("INVALID_REFERENCE: no image given");
    }

    @Test
    void aFullScanWithoutADatabaseFailsBeforePullingAndNothingLooksLikeAResult() {
        CliResult text = Cli.in(dir).run("scan", "image", r.image(Mode.ANONYMOUS, Registries.ALPINE));
        assertThat(text.exitCode()).as(text.toString()).isEqualTo(ExitCodes.VULNDB);
        assertThat(text.out()).doesNotContain("Result: OK").doesNotContain("No vulnerabilities");
        assertThat(text.err()).startsWith("VULNDB_MISSING: ").contains("hint: ").contains("stella db update");

        CliResult json = Cli.in(dir).run("scan", "image", r.image(Mode.ANONYMOUS, Registries.ALPINE), "--format", "json");
        assertThat(json.exitCode()).isEqualTo(ExitCodes.VULNDB);
        assertThat(json.json().path("status").asText()).isEqualTo("failed");
        assertThat(json.error().path("code").asText()).isEqualTo("VULNDB_MISSING");
    }

    @Test
    void aDryRunPrintsOnlyTableOrJson() {
        CliResult sarif = Cli.in(dir).run("scan", "image", r.image(Mode.ANONYMOUS, Registries.ALPINE), "--dry-run",
                "--format", "sarif");
        assertThat(sarif.exitCode()).as(sarif.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(sarif.err()).startsWith("CONFIG_INVALID: --dry-run prints table or json");
    }
}
