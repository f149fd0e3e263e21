package io.stella.registry.config;

import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that encrypts secrets in stella's config: {@code STELLA_MASTER_KEY} (base64 of 32 bytes) when set,
 * else the key file {@code $STELLA_HOME/master.key} (base64, created mode 0600 on first use).
 */
public final class MasterKey {

    public static final String ENV_VAR = "STELLA_MASTER_KEY";
    public static final String FILE_NAME = "master.key";

    private final SecretKey key;
    private final String origin;

    private MasterKey(byte[] bytes, String origin) {
        this.key = new SecretKeySpec(bytes, "AES");
        this.origin = origin;
    }

    /** The key for decrypting: empty when neither the variable nor the key file exists. */
    public static Optional<MasterKey> find(Map<String, String> env) {
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(new MasterKey(decode(fromEnv, ENV_VAR), ENV_VAR));
        }
        Path file = file(env);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(new MasterKey(decode(readFile(file), file.toString()), file.toString()));
    }

    /** The key for encrypting: creates the key file (0600) when there is no key yet. */
    public static MasterKey findOrCreate(Map<String, String> env) {
        Optional<MasterKey> found = find(env);
        if (found.isPresent()) {
            return found.get();
        }
        Path file = file(env);
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        try {
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            // another stella created it meanwhile: use theirs
            return find(env).orElseThrow();
        } catch (IOException e) {
            throw RegistryException.builder(FailureCode.CONFIG_INVALID, "cannot create the master key file " + file)
                    .hint("Make " + file.getParent() + " writable, or set " + ENV_VAR + " to base64 of 32 random bytes "
                            + "(e.g. openssl rand -base64 32).")
                    .evidence("file", file)
                    .cause(e)
                    .build();
        }
        return new MasterKey(bytes, file.toString());
    }

    public static Path file(Map<String, String> env) {
        return StellaConfigLoader.stellaHome(env).resolve(FILE_NAME);
    }

    /** {@code STELLA_MASTER_KEY} or the key file's path. */
    public String origin() {
        return origin;
    }

    SecretKey aesKey() {
        return key;
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw RegistryException.builder(FailureCode.CONFIG_INVALID, "the master key file " + file + " cannot be read")
                    .hint("Make it readable by the user running stella, or set " + ENV_VAR + ".")
                    .evidence("file", file)
                    .build();
        }
    }

    private static byte[] decode(String text, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw RegistryException.builder(FailureCode.CONFIG_INVALID, "the master key in " + where
                            + " is not base64 of 32 bytes")
                    .hint("Set it to the key the secrets were encrypted with, or a new one from 'openssl rand -base64 32' "
                            + "(then store the credentials again).")
                    .evidence("master_key", where)
                    .build();
        }
        return bytes;
    }
}
