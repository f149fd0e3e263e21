package io.stella.registry.aws;

import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.config.CloudConfig;
import io.stella.registry.config.RegistryConfig;
import io.stella.registry.config.RegistryType;
import io.stella.registry.config.RegistryUrl;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Provider contexts for the tests: an ECR entry, an environment pointing every AWS API at the stand-in. */
final class Contexts {
    static final String ACCOUNT = "111122223333";
    static final String HOST = ACCOUNT + ".dkr.ecr.eu-west-1.amazonaws.com";
    static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI-SENTINEL-bPxRfiCYEXAMPLEKEY";

    private Contexts() {
    }

    static RegistryConfig entry(String url, Map<String, Object> cloud) {
        return new RegistryConfig("ecr", RegistryUrl.of(url), RegistryType.ECR, null, null, null, null, null, null,
                null, null, new CloudConfig(cloud));
    }

    /** No AWS identity at all, and no instance metadata lookups: only the stand-in's endpoint. */
    static Map<String, String> bareEnv(EcrApiStandIn standIn) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ENDPOINT_URL", standIn.endpoint().toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_MAX_ATTEMPTS", "1");
        return env;
    }

    static Map<String, String> keysEnv(EcrApiStandIn standIn) {
        Map<String, String> env = bareEnv(standIn);
        env.put("AWS_ACCESS_KEY_ID", KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET);
        return env;
    }

    static ProviderContext context(RegistryConfig entry, Map<String, String> env, Path home, Clock clock) {
        return new ProviderContext(entry, env, home, clock);
    }
}
