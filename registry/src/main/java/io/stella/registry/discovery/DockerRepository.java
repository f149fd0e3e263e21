package io.stella.registry.discovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A vendor's repository of docker images: a Nexus repository, an Artifactory repository key. */
record DockerRepository(String name, Kind kind) {

    enum Kind {
        /** Images pushed there (Nexus hosted; Artifactory local, federated). */
        HOSTED,
        /** A cache of another registry (Nexus proxy; Artifactory remote). */
        PROXY,
        /** A view of other repositories (Nexus group; Artifactory virtual). */
        GROUP
    }

    /**
     * The named repositories, each of which must be available; with no names, all but groups, whose images
     * are their members' and would be scanned twice.
     *
     * @param kindName what the vendor calls such a repository, for messages
     */
    static List<DockerRepository> select(VendorApi api, List<DockerRepository> available, List<String> named,
                                         String kindName) {
        if (named.isEmpty()) {
            return available.stream().filter(r -> r.kind() != Kind.GROUP).toList();
        }
        Map<String, DockerRepository> byName = new LinkedHashMap<>();
        available.forEach(r -> byName.putIfAbsent(r.name(), r));
        return named.stream().map(n -> {
            DockerRepository r = byName.get(n);
            if (r == null) {
                List<String> names = byName.keySet().stream().limit(20).toList();
                throw VendorFailures.namespaceNotFound(api, kindName, n, "; its docker repositories: "
                        + (names.isEmpty() ? "none" : String.join(", ", names)
                        + (byName.size() > names.size() ? ", …" : "")));
            }
            return r;
        }).toList();
    }
}
