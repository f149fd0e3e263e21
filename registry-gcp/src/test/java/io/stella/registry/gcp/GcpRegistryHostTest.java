package io.stella.registry.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class GcpRegistryHostTest {

    @Test
    void artifactRegistryHostsNameTheirLocation() {
        assertThat(GcpRegistryHost.parse("europe-west1-docker.pkg.dev").garLocation()).hasValue("europe-west1");
        assertThat(GcpRegistryHost.parse("us-docker.pkg.dev").garLocation()).hasValue("us");
        assertThat(GcpRegistryHost.parse("Asia-Northeast1-Docker.pkg.dev").garLocation()).hasValue("asia-northeast1");
        assertThat(GcpRegistryHost.parse("europe-west1-docker.pkg.dev:443").garLocation()).hasValue("europe-west1");
        assertThat(GcpRegistryHost.garHost("me-west1")).isEqualTo("me-west1-docker.pkg.dev");
    }

    @Test
    void containerRegistryHostsAreRecognisedAndOthersAreNeither() {
        for (String gcr : new String[] {"gcr.io", "us.gcr.io", "eu.gcr.io", "asia.gcr.io"}) {
            GcpRegistryHost host = GcpRegistryHost.parse(gcr);
            assertThat(host.containerRegistry()).as(gcr).isTrue();
            assertThat(host.garLocation()).isEmpty();
        }
        for (String other : new String[] {"docker.pkg.dev", "-docker.pkg.dev", "evil.com/us-docker.pkg.dev",
                "us-docker.pkg.dev.evil.com", "mirror.gcr.io.example.com", "127.0.0.1:5000"}) {
            GcpRegistryHost host = GcpRegistryHost.parse(other);
            assertThat(host.containerRegistry()).as(other).isFalse();
            assertThat(host.garLocation()).as(other).isEqualTo(Optional.empty());
        }
    }

    @Test
    void imageUrisSplitIntoHostAndPathWithoutTheDigest() {
        assertThat(GarDiscovery.ImageUri.parse("us-docker.pkg.dev/p/r/team/app@sha256:abc"))
                .hasValue(new GarDiscovery.ImageUri("us-docker.pkg.dev", "p/r/team/app"));
        assertThat(GarDiscovery.ImageUri.parse("us-docker.pkg.dev/p/r/app"))
                .hasValue(new GarDiscovery.ImageUri("us-docker.pkg.dev", "p/r/app"));
        assertThat(GarDiscovery.ImageUri.parse("no-path")).isEmpty();
        assertThat(GarDiscovery.ImageUri.parse(null)).isEmpty();
    }

    @Test
    void workloadIdentityProviderNamesGiveAudienceAndPrincipals() {
        WorkloadIdentityProvider provider = WorkloadIdentityProvider.parse(GcpFixtures.PROVIDER);
        assertThat(provider.audience()).isEqualTo("//iam.googleapis.com/" + GcpFixtures.PROVIDER);
        assertThat(provider.principalSet()).isEqualTo(
                "principalSet://iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/ci-pool/*");
        assertThat(provider.principal("repo:x")).endsWith("/workloadIdentityPools/ci-pool/subject/repo:x");
        assertThat(WorkloadIdentityProvider.isValid("projects/my-project/locations/global/workloadIdentityPools/p/providers/q"))
                .as("the project number, not its id").isFalse();
        assertThat(ImpersonationUrls.serviceAccount("https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/"
                + "sa@p.iam.gserviceaccount.com:generateAccessToken")).hasValue("sa@p.iam.gserviceaccount.com");
    }
}
