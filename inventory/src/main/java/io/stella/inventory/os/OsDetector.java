package io.stella.inventory.os;

import io.stella.inventory.OsRelease;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the distribution from its release files: os-release first (as systemd defines it), then the
 * distribution-specific files for images that have none (old CentOS, Alpine before 3.x os-release...).
 */
public final class OsDetector {
    /** Files whose content OS detection needs; the layer walk keeps them (they are small). */
    public static final List<String> RELEASE_FILES = List.of(
            "etc/os-release", "usr/lib/os-release", "etc/alpine-release", "etc/debian_version",
            "etc/redhat-release", "etc/centos-release", "etc/fedora-release", "etc/system-release",
            "etc/lsb-release", "etc/SuSE-release");

    private static final Pattern RELEASE_VERSION = Pattern.compile("release\\s+([0-9][0-9.]*)");
    private static final Map<String, String> CODENAMES_DEBIAN = Map.of(
            "13", "trixie", "12", "bookworm", "11", "bullseye", "10", "buster", "9", "stretch", "8", "jessie");

    private OsDetector() {}

    /** @param content the content of a release file in the final file system (symlinks resolved), if present */
    public static Optional<OsRelease> detect(Function<String, Optional<byte[]>> content) {
        for (String file : List.of("etc/os-release", "usr/lib/os-release")) {
            Optional<byte[]> bytes = content.apply(file);
            if (bytes.isPresent()) {
                Optional<OsRelease> release = fromOsRelease(text(bytes.get()), file, content);
                if (release.isPresent()) {
                    return release;
                }
            }
        }
        Optional<byte[]> alpine = content.apply("etc/alpine-release");
        if (alpine.isPresent()) {
            String version = firstLine(alpine.get());
            return Optional.of(new OsRelease("alpine", version, null, "Alpine Linux v" + version, "etc/alpine-release"));
        }
        Optional<byte[]> debian = content.apply("etc/debian_version");
        if (debian.isPresent()) {
            String version = firstLine(debian.get());
            String major = version.split("\\.")[0];
            return Optional.of(new OsRelease("debian", major, CODENAMES_DEBIAN.get(major), "Debian GNU/Linux " + version,
                    "etc/debian_version"));
        }
        for (String file : List.of("etc/centos-release", "etc/fedora-release", "etc/redhat-release",
                "etc/system-release")) {
            Optional<byte[]> bytes = content.apply(file);
            if (bytes.isPresent()) {
                return Optional.of(fromRedHatStyle(firstLine(bytes.get()), file));
            }
        }
        return Optional.empty();
    }

    static Optional<OsRelease> fromOsRelease(String text, String file, Function<String, Optional<byte[]>> content) {
        Map<String, String> fields = parseKeyValues(text);
        String id = fields.get("ID");
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        id = id.toLowerCase(Locale.ROOT);
        String version = fields.get("VERSION_ID");
        String codename = fields.getOrDefault("VERSION_CODENAME", fields.get("UBUNTU_CODENAME"));
        if (id.equals("debian") && (version == null || version.isEmpty())) {
            // testing and sid have no VERSION_ID; debian_version then says e.g. trixie/sid
            version = content.apply("etc/debian_version").map(OsDetector::firstLine).orElse(null);
        }
        if (codename != null && codename.isEmpty()) {
            codename = null;
        }
        if (codename == null && id.equals("debian") && version != null) {
            codename = CODENAMES_DEBIAN.get(version.split("\\.")[0]);
        }
        return Optional.of(new OsRelease(id, version, codename, fields.getOrDefault("PRETTY_NAME", fields.get("NAME")),
                file));
    }

    private static OsRelease fromRedHatStyle(String line, String file) {
        String lower = line.toLowerCase(Locale.ROOT);
        String id;
        if (lower.startsWith("centos")) {
            id = "centos";
        } else if (lower.startsWith("fedora")) {
            id = "fedora";
        } else if (lower.startsWith("rocky")) {
            id = "rocky";
        } else if (lower.startsWith("almalinux")) {
            id = "almalinux";
        } else if (lower.startsWith("amazon")) {
            id = "amzn";
        } else if (lower.startsWith("oracle")) {
            id = "ol";
        } else {
            id = "rhel";
        }
        Matcher m = RELEASE_VERSION.matcher(lower);
        return new OsRelease(id, m.find() ? m.group(1) : null, null, line, file);
    }

    /** os-release syntax: KEY=value, values optionally quoted with shell escapes. */
    static Map<String, String> parseKeyValues(String text) {
        Map<String, String> fields = new HashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            int eq = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || eq <= 0) {
                continue;
            }
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                    && value.charAt(value.length() - 1) == value.charAt(0)) {
                value = value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
            }
            fields.put(line.substring(0, eq).strip(), value);
        }
        return fields;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String firstLine(byte[] bytes) {
        String text = text(bytes).strip();
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }
}
