package io.stella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudIdentityCommandsTest {
    @TempDir
    Path dir;

    private Cli cli() throws Exception {
        Cli cli = Cli.in(dir).withEnv("AWS_EC2_METADATA_DISABLED", "true"); // never IMDS, even on an EC2 host
        Files.writeString(cli.stellaHome().resolve("config.yaml"), """
                registries:
                  - name: harbor-prod
                    url: harbor.example.com
                    type: harbor
                  - name: prod-ecr
                    url: 123456789012.dkr.ecr.eu-west-1.amazonaws.com
                    type: ecr
                """);
        return cli;
    }

    @Test
    void onAHarborRegistryTheCommandsSayTheyDoNotApplyAndWhatToUseInstead() throws Exception {
        Cli cli = cli();
        for (String[] command : new String[][] {{"registry", "iam-status", "harbor-prod"},
                {"registry", "iam", "verify", "harbor-prod"}, {"registry", "oidc", "verify", "harbor-prod"}}) {
            CliResult result = cli.run(command);
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).contains("COMMAND_NOT_APPLICABLE").contains("harbor registry")
                    .contains("acr, ecr, gar, gcr").contains("stella registry test harbor.example.com");
        }
    }

    @Test
    void onAnEcrRegistryWithNoAwsIdentityTheProviderSaysNoCredentialsAndHowToGiveOne() throws Exception {
        // no AWS keys, an empty HOME (no ~/.aws), no instance metadata: nothing to sign a request with
        CliResult result = cli().run("registry", "iam-status", "prod-ecr");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.AUTH);
        assertThat(result.err()).contains("AUTH_NO_CREDENTIALS").contains("no AWS identity for ECR")
                .contains("AWS_PROFILE").contains("AWS_ACCESS_KEY_ID").doesNotContain("not have");

        CliResult verify = cli().run("registry", "iam", "verify", "prod-ecr");
        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(ExitCodes.AUTH);
        assertThat(verify.out()).containsPattern("FAIL +sts:GetCallerIdentity +AUTH_NO_CREDENTIALS");
        assertThat(cli().run("registry", "iam-status", "missing").err()).contains("no registry named 'missing'")
                .contains("harbor-prod, prod-ecr");
    }
}
