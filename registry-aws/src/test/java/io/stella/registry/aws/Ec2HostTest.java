package io.stella.registry.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.registry.auth.provider.ProviderContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The instance metadata service is asked only on EC2, so nothing goes to 169.254.169.254 elsewhere. */
class Ec2HostTest {
    @TempDir
    Path root;

    private void write(String file, String content) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }

    private ProviderContext context(Map<String, String> env) {
        return Contexts.context(Contexts.entry(Contexts.HOST, Map.of()), env, root, Clock.systemUTC());
    }

    @Test
    void nitroInstancesAreKnownByTheirFirmwareVendor() throws IOException {
        assertThat(Ec2Host.detected(root)).isFalse();
        write("sys/devices/virtual/dmi/id/sys_vendor", "QEMU\n");
        assertThat(Ec2Host.detected(root)).isFalse();
        write("sys/devices/virtual/dmi/id/sys_vendor", "Amazon EC2\n");
        assertThat(Ec2Host.detected(root)).isTrue();
    }

    @Test
    void xenInstancesAreKnownByTheirHypervisorUuidOrAssetTag() throws IOException {
        write("sys/hypervisor/uuid", "ec2e1916-9099-7caf-fd21-012345abcdef\n");
        assertThat(Ec2Host.detected(root)).isTrue();
    }

    @Test
    void theAssetTagOfAnInstanceIsItsId() throws IOException {
        write("sys/devices/virtual/dmi/id/board_asset_tag", "i-0123456789abcdef0\n");
        assertThat(Ec2Host.detected(root)).isTrue();
    }

    @Test
    void disabledWinsAndAConfiguredEndpointCountsOffEc2() throws IOException {
        write("sys/devices/virtual/dmi/id/sys_vendor", "Amazon EC2\n");
        assertThat(BaseCredentials.instanceMetadata(context(Map.of()), root)).isTrue();
        assertThat(BaseCredentials.instanceMetadata(context(Map.of("AWS_EC2_METADATA_DISABLED", "TRUE")), root)).isFalse();
        Path elsewhere = root.resolve("not-ec2");
        assertThat(BaseCredentials.instanceMetadata(context(Map.of()), elsewhere)).isFalse();
        assertThat(BaseCredentials.instanceMetadata(context(Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT",
                "http://127.0.0.1:1")), elsewhere)).isTrue();
    }
}
