package io.stella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code registry configure|config|remove|credentials show} on the config file alone (no registry contacted). */
class RegistryConfigureTest {

    private static final String HUB_TOKEN = Secrets.secret("dckr_pat_SENTINEL-hub-token-8c1e7");

    @TempDir
    Path dir;

    private Path config(Cli cli) {
        return cli.stellaHome().resolve("config.yaml");
    }

    @Test
    void dockerHubPresetStoresTheAccessTokenEncrypted() throws IOException {
        Cli cli = Cli.in(dir);

        CliResult result = cli.run("registry", "configure", "docker-hub", "--username", "me", "--access-token", HUB_TOKEN);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Added registry docker-hub (https://registry-1.docker.io, type dockerhub)")
                .contains("stored encrypted");
        assertThat(result.err()).contains("warning: --access-token puts the secret in shell history");
        String yaml = Files.readString(config(cli));
        assertThat(yaml).doesNotContain(HUB_TOKEN).contains("password_encrypted: v1:").contains("username: me");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config(cli)))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.stellaHome().resolve("master.key"))))
                .isEqualTo("rw-------");

        CliResult show = cli.run("registry", "credentials", "show", "docker-hub");
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.out()).contains("source:       stella-config (encrypted)")
                .contains("type:         basic")
                .contains("username:     me")
                .contains("secret:       ****" + HUB_TOKEN.substring(HUB_TOKEN.length() - 4));
    }

    @Test
    void shortSecretsAreMaskedEntirely() {
        assertThat(CredentialDescription.mask("short-secret")).isEqualTo("****cret");
        assertThat(CredentialDescription.mask("elevenchars")).isEqualTo("****");
    }

    @Test
    void referencesAreStoredAsReferences() throws IOException {
        Cli cli = Cli.in(dir);

        CliResult result = cli.run("registry", "configure", "harbor-prod", "--type", "harbor", "--url",
                "https://harbor.example.com", "--username", "robot$scanner", "--password-env", "HARBOR_TOKEN");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readString(config(cli))).contains("password_env: HARBOR_TOKEN").contains("type: harbor");
        assertThat(cli.stellaHome().resolve("master.key")).doesNotExist();
        CliResult list = cli.run("registry", "list");
        assertThat(list.out()).containsPattern("harbor-prod +https://harbor.example.com +harbor +basic \\(env:HARBOR_TOKEN\\)");
    }

    @Test
    void configSetAndGetValidateAndNameTheKey() {
        Cli cli = Cli.in(dir);
        assertThat(cli.run("registry", "configure", "lab", "--url", "127.0.0.1:5000").exitCode()).isZero();

        assertThat(cli.run("registry", "config", "set", "lab.auto_refresh", "true").exitCode()).isZero();
        CliResult set = cli.run("registry", "config", "set", "lab.refresh_interval", "11h");
        assertThat(set.exitCode()).as(set.toString()).isZero();
        assertThat(set.out()).isEqualTo("lab.refresh_interval = 11h\n");
        assertThat(cli.run("registry", "config", "get", "lab.refresh_interval").out()).isEqualTo("11h\n");
        assertThat(cli.run("registry", "config", "get", "lab.auto_refresh").out()).isEqualTo("true\n");

        CliResult badDuration = cli.run("registry", "config", "set", "lab.refresh_interval", "11x");
        assertThat(badDuration.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badDuration.err()).contains("CONFIG_INVALID").contains("registries[0].refresh_interval")
                .contains("is not a duration");
        CliResult badBoolean = cli.run("registry", "config", "set", "lab.auto_refresh", "maybe");
        assertThat(badBoolean.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badBoolean.err()).contains("auto_refresh: expected true or false");
        CliResult unknownKey = cli.run("registry", "config", "set", "lab.colour", "blue");
        assertThat(unknownKey.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownKey.err()).contains("unknown registry setting 'colour'");
        CliResult unknownRegistry = cli.run("registry", "config", "set", "nope.timeout", "30s");
        assertThat(unknownRegistry.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownRegistry.err()).contains("no registry named 'nope'").contains("Configured registries: lab");
        assertThat(cli.run("registry", "config", "get", "lab.refresh_interval").out())
                .as("a rejected change leaves the file as it was").isEqualTo("11h\n");
    }

    @Test
    void commentsAreReportedLostAndRemoveDeletesTheEntry() throws IOException {
        Cli cli = Cli.in(dir);
        Files.writeString(config(cli), """
                # my registries
                registries:
                  - name: a
                    url: a.example.com
                  - name: b
                    url: b.example.com   # the second
                vulndb:
                  max_age: 3d
                """);

        CliResult removed = cli.run("registry", "remove", "a");

        assertThat(removed.exitCode()).as(removed.toString()).isZero();
        assertThat(removed.err()).contains("comments in the file are not kept");
        String yaml = Files.readString(config(cli));
        assertThat(yaml).doesNotContain("a.example.com").contains("b.example.com").contains("max_age: 3d");
        assertThat(cli.run("registry", "remove", "a").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void tlsOptionsAreSetAndUnset() throws IOException {
        Cli cli = Cli.in(dir);
        Path ca = Files.writeString(dir.resolve("ca.crt"), "not checked until used\n");
        assertThat(cli.run("registry", "configure", "lab", "--url", "lab.example.com", "--ca-cert", ca.toString())
                .exitCode()).isZero();

        CliResult insecure = cli.run("registry", "configure", "lab", "--insecure-skip-verify");
        assertThat(insecure.exitCode()).as(insecure.toString()).isZero();
        assertThat(insecure.out()).startsWith("Updated registry lab (lab.example.com, type generic)");
        assertThat(insecure.err()).contains("warning: TLS verification is off for lab");
        assertThat(cli.run("registry", "config", "get", "lab.tls.ca_cert").out()).isEqualTo(ca.toAbsolutePath() + "\n");
        assertThat(cli.run("registry", "config", "get", "lab.tls.insecure_skip_verify").out()).isEqualTo("true\n");
        assertThat(cli.run("registry", "configure", "lab", "--insecure-skip-verify=false").exitCode()).isZero();
        assertThat(cli.run("registry", "config", "get", "lab.tls.insecure_skip_verify").out()).isEqualTo("false\n");
    }

    @Test
    void aNewRegistryWithoutUrlOrPresetIsRefused() {
        CliResult result = Cli.in(dir).run("registry", "configure", "somewhere");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("registry 'somewhere' needs a url");
        assertThat(Cli.in(dir).stellaHome().resolve("config.yaml")).doesNotExist();
    }

    @Test
    void cloudFlagsAreStoredInTheCloudSection() throws java.io.IOException {
        Cli cli = Cli.in(dir);

        CliResult result = cli.run("registry", "configure", "ecr", "--account-id", "123456789012", "--region", "eu-west-1");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("https://123456789012.dkr.ecr.eu-west-1.amazonaws.com");
        CliResult gcr = cli.run("registry", "configure", "gcr", "--project", "my-project");
        assertThat(gcr.exitCode()).as(gcr.toString()).isZero();
        assertThat(gcr.out()).contains("https://gcr.io");
        // the runbook's forms
        CliResult role = cli.run("registry", "configure", "ecr", "--region", "eu-west-1", "--role-arn",
                "arn:aws:iam::123456789012:role/scanner");
        assertThat(role.exitCode()).as(role.toString()).isZero();
        CliResult wif = cli.run("registry", "configure", "gcr", "--project", "my-project", "--workload-identity-provider",
                "projects/1/locations/global/workloadIdentityPools/p/providers/gh");
        assertThat(wif.exitCode()).as(wif.toString()).isZero();

        String yaml = java.nio.file.Files.readString(cli.stellaHome().resolve("config.yaml"));
        assertThat(yaml.replace("\"", "")).contains("role_arn: arn:aws:iam::123456789012:role/scanner")
                .contains("region: eu-west-1").contains("project: my-project")
                .contains("workload_identity_provider: projects/1/locations/global/workloadIdentityPools/p/providers/gh");
        assertThat(cli.run("registry", "config", "get", "ecr.cloud.role_arn").out().strip())
                .isEqualTo("arn:aws:iam::123456789012:role/scanner");
    }
}
