package io.stella.registry.gcp;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a registry host says about itself: Artifact Registry {@code <location>-docker.pkg.dev} or a gcr.io host. */
record GcpRegistryHost(String host, Optional<String> garLocation, boolean containerRegistry) {
    private static final String GAR_SUFFIX = "-docker.pkg.dev";
    private static final Pattern GAR = Pattern.compile("([a-z0-9]+(?:-[a-z0-9]+)*)-docker\\.pkg\\.dev");
    static final Set<String> GCR_HOSTS = Set.of("gcr.io", "us.gcr.io", "eu.gcr.io", "asia.gcr.io");

    static GcpRegistryHost parse(String hostKey) {
        String host = hostKey.toLowerCase(Locale.ROOT);
        String name = host.replaceFirst(":[0-9]+$", "");
        Matcher gar = GAR.matcher(name);
        if (gar.matches()) {
            return new GcpRegistryHost(host, Optional.of(gar.group(1)), false);
        }
        return new GcpRegistryHost(host, Optional.empty(), GCR_HOSTS.contains(name));
    }

    /** The Artifact Registry host of a location. */
    static String garHost(String location) {
        return location + GAR_SUFFIX;
    }
}
