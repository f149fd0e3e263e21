package io.stella.registry.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Harbor v2: the projects, then each project's repositories. */
final class HarborDiscovery implements VendorDiscovery {

    @Override
    public List<String> list(VendorApi api, List<String> namespaces) {
        boolean named = !namespaces.isEmpty();
        List<String> projects = named ? namespaces : HarborProjects.list(api);
        List<String> repositories = new ArrayList<>();
        for (String project : projects) {
            Optional<List<String>> found = HarborRepositories.list(api, project);
            if (found.isEmpty() && named) {
                throw VendorFailures.namespaceNotFound(api, "project", project, "");
            }
            // A listed project that is gone now was deleted meanwhile: nothing of it to scan.
            found.ifPresent(repositories::addAll);
        }
        return repositories;
    }
}
