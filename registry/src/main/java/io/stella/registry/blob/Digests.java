package io.stella.registry.blob;

import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content digests ({@code sha256:<hex>}, {@code sha512:<hex>}). */
public final class Digests {
    private Digests() {
    }

    public static MessageDigest newDigest(String digest) {
        String algorithm = digest.substring(0, Math.max(0, digest.indexOf(':')));
        try {
            return switch (algorithm) {
                case "sha256" -> MessageDigest.getInstance("SHA-256");
                case "sha512" -> MessageDigest.getInstance("SHA-512");
                default -> throw RegistryException.builder(FailureCode.MANIFEST_UNSUPPORTED,
                        "digest algorithm '" + algorithm + "' of " + digest + " is not supported").build();
            };
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String algorithm(String digest) {
        return digest.substring(0, digest.indexOf(':'));
    }

    public static String of(String algorithm, byte[] bytes) {
        MessageDigest md = newDigest(algorithm + ":");
        return algorithm + ":" + HexFormat.of().formatHex(md.digest(bytes));
    }

    public static String sha256(byte[] bytes) {
        return of("sha256", bytes);
    }
}
