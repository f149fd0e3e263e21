package io.stella.registry.aws;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether this machine is an EC2 instance, from the firmware identity the kernel exposes (the checks AWS documents
 * for identifying an instance), so that the instance metadata service is only asked on EC2 and nothing is sent to
 * 169.254.169.254 anywhere else.
 */
final class Ec2Host {
    private Ec2Host() {
    }

    /** @param root the file system root, {@code /} outside tests */
    static boolean detected(Path root) {
        return read(root.resolve("sys/devices/virtual/dmi/id/sys_vendor")).contains("amazon ec2")
                || read(root.resolve("sys/devices/virtual/dmi/id/board_asset_tag")).startsWith("i-")
                || read(root.resolve("sys/hypervisor/uuid")).startsWith("ec2");
    }

    private static String read(Path file) {
        try {
            return Files.isReadable(file) ? Files.readString(file, StandardCharsets.UTF_8).strip().toLowerCase(Locale.ROOT) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
