package io.stella.registry.config;

import io.stella.registry.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Secrets stella keeps in its config: AES-256-GCM under the {@link MasterKey}, written
 * {@code v1:} + base64(12-byte nonce + ciphertext + 16-byte tag). The version prefix leaves room for another scheme.
 */
public final class SecretCipher {

    public static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MasterKey key;

    public SecretCipher(MasterKey key) {
        this.key = key;
    }

    public String encrypt(Secret secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.aesKey(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.reveal().getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * @throws WrongKeyException when the value was not encrypted with this key (or was altered)
     */
    public Secret decrypt(String value) {
        byte[] raw = Base64.getDecoder().decode(value.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.aesKey(), new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            return Secret.of(new String(cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES), StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            throw new WrongKeyException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Checks the form only; whether the key fits is known when decrypting. The value is never echoed. */
    static void checkFormat(String key, String value) {
        String problem = key + " is not a value stella encrypted (v1:base64); set the credential again with "
                + "'stella registry update-credentials', or use password_env/password_file";
        if (!value.startsWith(PREFIX)) {
            throw new InvalidConfigValueException(key, problem);
        }
        try {
            if (Base64.getDecoder().decode(value.substring(PREFIX.length())).length <= NONCE_BYTES + TAG_BITS / 8) {
                throw new InvalidConfigValueException(key, problem);
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigValueException(key, problem);
        }
    }

    /** The value was encrypted under another master key, or altered. */
    public static final class WrongKeyException extends RuntimeException {
        WrongKeyException() {
            super("the value does not decrypt with this master key");
        }
    }
}
