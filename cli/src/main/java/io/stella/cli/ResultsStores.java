package io.stella.cli;

import io.stella.registry.Secret;
import io.stella.registry.config.StellaConfig;
import io.stella.registry.config.StellaConfigLoader;
import io.stella.registry.config.StoreConfig;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.scan.store.ResultsStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

/** Opens the results store the config names: PostgreSQL by {@code store.url}, else the SQLite file. */
final class ResultsStores {
    private ResultsStores() {
    }

    static ResultsStore open(StellaConfig config, Map<String, String> env) {
        StoreConfig store = config.store();
        if (store.url() != null) {
            return ResultsStore.jdbc(store.url(), store.username(), password(store, env));
        }
        return ResultsStore.sqlite(store.sqliteFileOrDefault(StellaConfigLoader.stellaHome(env)));
    }

    private static Secret password(StoreConfig store, Map<String, String> env) {
        if (store.passwordEnv() != null) {
            String value = env.get(store.passwordEnv());
            if (value == null || value.isEmpty()) {
                throw RegistryException.builder(FailureCode.CONFIG_INVALID,
                                "store.password_env names " + store.passwordEnv() + ", which is not set")
                        .hint("Export " + store.passwordEnv() + " with the database password, or change store.password_env.").build();
            }
            return Secret.of(value);
        }
        if (store.passwordFile() != null) {
            try {
                return Secret.of(Files.readString(store.passwordFile(), StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw RegistryException.builder(FailureCode.CONFIG_INVALID,
                                "store.password_file " + store.passwordFile() + " cannot be read")
                        .hint("Check the path and its permissions.").cause(e).build();
            }
        }
        return null;
    }
}
