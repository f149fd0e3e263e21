package io.stella.registry.gcp;

import io.stella.registry.auth.provider.ProviderContext;
import java.util.Optional;

/** The project and Artifact Registry location a registry entry stands for. */
record GarTarget(String project, String location) {

    /**
     * From {@code cloud.location} or the {@code <location>-docker.pkg.dev} host, and {@code cloud.project} or the
     * credential's own project; empty for gcr.io hosts, which are listed with {@code /v2/_catalog}.
     */
    static Optional<GarTarget> of(ProviderContext context, GcpSettings settings, Optional<String> credentialProject) {
        GcpRegistryHost host = GcpRegistryHost.parse(context.registry().hostKey());
        if (host.containerRegistry()) {
            return Optional.empty();
        }
        String location = settings.location().or(host::garLocation)
                .orElseGet(() -> context.require(GcpSettings.LOCATION, "us-central1"));
        String project = settings.project().or(() -> credentialProject)
                .orElseGet(() -> context.require(GcpSettings.PROJECT, "my-project"));
        return Optional.of(new GarTarget(project, location));
    }

    String parent() {
        return "projects/" + project + "/locations/" + location;
    }

    String repository(String repositoryId) {
        return parent() + "/repositories/" + repositoryId;
    }
}
