package io.stella.registry;

import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.util.Locale;

/** An image platform, {@code os/architecture[/variant]}, as in OCI index entries. */
public record Platform(String os, String architecture, String variant) {

    public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", null);

    public static Platform parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().toLowerCase(Locale.ROOT).split("/", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()
                || (parts.length == 3 && parts[2].isEmpty())) {
            throw RegistryException.builder(FailureCode.INVALID_REFERENCE,
                            "invalid platform '" + text + "': expected os/arch[/variant], e.g. linux/arm64/v8")
                    .hint("Use --platform os/arch[/variant], e.g. linux/amd64 or linux/arm/v7.")
                    .build();
        }
        return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    /**
     * Whether an index entry with this platform serves a request for {@code wanted}. A request without
     * variant accepts any variant; arm64's default variant v8 matches an entry without variant.
     */
    public boolean satisfies(Platform wanted) {
        if (!os.equals(wanted.os) || !normalisedArch().equals(wanted.normalisedArch())) {
            return false;
        }
        if (wanted.variant == null) {
            return true;
        }
        return wanted.variant.equals(effectiveVariant());
    }

    private String normalisedArch() {
        return switch (architecture) {
            case "x86_64", "x86-64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> architecture;
        };
    }

    private String effectiveVariant() {
        if (variant == null && normalisedArch().equals("arm64")) {
            return "v8";
        }
        return variant;
    }

    @Override
    public String toString() {
        return variant == null ? os + "/" + architecture : os + "/" + architecture + "/" + variant;
    }
}
