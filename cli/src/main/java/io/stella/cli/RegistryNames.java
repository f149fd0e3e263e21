package io.stella.cli;

import io.stella.registry.config.RegistryConfig;
import io.stella.registry.config.StellaConfig;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;

/** Finds configured registries by the name commands are given. */
final class RegistryNames {
    private RegistryNames() {
    }

    /**
     * @throws RegistryException {@code CONFIG_INVALID} listing the configured names when there is none called {@code name}
     */
    static RegistryConfig require(StellaConfig config, String name) {
        return config.registries().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> notConfigured(config, name));
    }

    static RegistryException notConfigured(StellaConfig config, String name) {
        String known = config.registries().isEmpty() ? "none"
                : String.join(", ", config.registries().stream().map(RegistryConfig::name).toList());
        return RegistryException.builder(FailureCode.CONFIG_INVALID, "no registry named '" + name + "' in "
                        + config.source().map(Object::toString).orElse("the config"))
                .hint("Configured registries: " + known + ". Add one with 'stella registry configure " + name
                        + " --url URL'.")
                .evidence("registry_name", name)
                .build();
    }
}
