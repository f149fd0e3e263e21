package io.stella.testing;

import java.security.SecureRandom;
import java.util.Map;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** An htpasswd file body with bcrypt entries, the only format distribution accepts. */
final class Htpasswd {

    private static final SecureRandom RANDOM = new SecureRandom();
    // bcrypt's minimum cost: the registry checks the hash on every request and tests make many.
    private static final int COST = 4;

    private Htpasswd() {
    }

    static String of(Map<String, String> users) {
        StringBuilder file = new StringBuilder();
        users.forEach((user, password) -> {
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            file.append(user).append(':')
                    .append(OpenBSDBCrypt.generate("2y", password.toCharArray(), salt, COST)).append('\n');
        });
        return file.toString();
    }
}
