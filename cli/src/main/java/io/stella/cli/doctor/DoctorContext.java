package io.stella.cli.doctor;

import io.stella.registry.config.StellaConfig;
import io.stella.scan.store.ResultsStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the checks examine.
 *
 * @param dockerConfigFiles the docker/podman credential files consulted, whether they exist or not
 * @param vulnDatabase      the vulnerability database file scans use
 * @param openStore         opens the results store the config names (throws STORE_UNAVAILABLE/CONFIG_INVALID)
 */
public record DoctorContext(StellaConfig config, Map<String, String> env, Clock clock, Duration timeout,
                            RegistryAccessor registries, List<Path> dockerConfigFiles, Path vulnDatabase,
                            Supplier<ResultsStore> openStore) {

    public List<RegistryTarget> targets() {
        return config.registries().stream().map(RegistryTarget::of).toList();
    }
}
