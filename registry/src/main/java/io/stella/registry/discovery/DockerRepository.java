package io.stella.registry.discovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
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

    /** What one repository holds, by name; empty when it was deleted since it was listed. */
    interface Contents {
        Optional<List<String>> names(VendorApi api, String repository);
    }

    /**
     * The image repositories of the chosen repositories, each name turned into a reference path by
     * {@code path}. A named repository that is gone fails; one gone from the full list was deleted meanwhile.
     */
    static List<String> images(VendorApi api, List<DockerRepository> chosen, List<String> named, Contents contents,
                               java.util.function.BiFunction<String, String, String> path) {
        List<String> images = new java.util.ArrayList<>();
        for (DockerRepository repository : chosen) {
            Optional<List<String>> names = contents.names(api, repository.name());
            if (names.isEmpty() && !named.isEmpty()) {
                throw VendorFailures.namespaceNotFound(api, "repository", repository.name(), "");
            }
            names.ifPresent(n -> n.forEach(name -> images.add(path.apply(repository.name(), name))));
        }
        return images;
    }
}
