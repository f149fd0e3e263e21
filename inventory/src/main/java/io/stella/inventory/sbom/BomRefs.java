package io.stella.inventory.sbom;

import io.stella.inventory.Package;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CycloneDX {@code bom-ref}s for packages: the purl, like Trivy. When several packages share a purl (the
 * same jar at two paths), each of them gets {@code purl + "?file_path=<path>"} ({@code &file_path=} when
 * the purl already has qualifiers), with the path URL-encoded; if that still collides (same path, or no
 * path), {@code #2}, {@code #3}, ... is appended in package order. A package without purl is referred to
 * as {@code <purl type>:<name>@<version>} under the same rules.
 */
final class BomRefs {
    private BomRefs() {}

    /** One ref per package, in the order given; all distinct. */
    static List<String> assign(List<Package> packages) {
        Map<String, Integer> sharing = new HashMap<>();
        for (Package p : packages) {
            sharing.merge(base(p), 1, Integer::sum);
        }
        Set<String> taken = new HashSet<>();
        List<String> refs = new ArrayList<>(packages.size());
        for (Package p : packages) {
            String base = base(p);
            String ref = sharing.get(base) > 1 ? withFilePath(base, p.filePath()) : base;
            String unique = ref;
            for (int n = 2; !taken.add(unique); n++) {
                unique = ref + "#" + n;
            }
            refs.add(unique);
        }
        return refs;
    }

    private static String base(Package p) {
        return p.purl() != null ? p.purl() : p.type().purlType() + ":" + p.name() + "@" + p.version();
    }

    private static String withFilePath(String base, String filePath) {
        if (filePath == null) {
            return base;
        }
        return base + (base.contains("?") ? "&" : "?") + "file_path=" + URLEncoder.encode(filePath, StandardCharsets.UTF_8);
    }
}
