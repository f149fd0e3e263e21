package io.stella.registry.config;

import java.util.regex.Pattern;

/** Keys like {@code password_env} that name an environment variable holding a secret. */
final class EnvVarNames {

    private static final Pattern ENV_VAR_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private EnvVarNames() {
    }

    // The value is never echoed: a user may have pasted the password itself here.
    static void check(String key, String value) {
        if (value != null && !ENV_VAR_NAME.matcher(value).matches()) {
            throw new InvalidConfigValueException(key, key + " must be the NAME of an environment variable "
                    + "(letters, digits and '_', not starting with a digit), not the secret itself");
        }
    }
}
