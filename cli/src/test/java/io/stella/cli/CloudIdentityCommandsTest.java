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
        Cli cli = Cli.in(dir);
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
    void onACloudRegistryTheySayTheProviderIsNotInThisBuildRatherThanInventAnAnswer() throws Exception {
        CliResult result = cli().run("registry", "iam-status", "prod-ecr");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("needs the ecr credential provider").contains("aws sts get-caller-identity");
        assertThat(cli().run("registry", "iam-status", "missing").err()).contains("no registry named 'missing'")
                .contains("harbor-prod, prod-ecr");
    }
}
