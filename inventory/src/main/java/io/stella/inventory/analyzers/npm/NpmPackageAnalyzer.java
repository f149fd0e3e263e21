package io.stella.inventory.analyzers.npm;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import io.stella.inventory.spi.AnalyzableFile;
import io.stella.inventory.spi.FileInfo;
import io.stella.inventory.spi.Findings;
import io.stella.inventory.spi.PackageAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Installed npm packages: the {@code package.json} at the root of each package directory under
 * {@code node_modules} ({@code node_modules/<name>/package.json}, {@code node_modules/@scope/<name>/package.json},
 * at any nesting depth). An application's own {@code package.json} and the {@code package.json} files inside a
 * package's sub-directories ({@code dist/package.json}, often just {@code {"type": "module"}}) are not
 * dependencies and are not read; lock files are out of scope. Trivy reads every {@code package.json}; this
 * analyzer narrows that to installed packages.
 *
 * <p>As in Trivy, a package.json without a name or a version is skipped silently (both fields are optional in
 * npm); one that is not JSON is reported. Licences: {@code license} as a string or as a legacy
 * {@code {"type": ...}} object, else the legacy {@code licenses} array (strings or objects with {@code type}).
 */
public final class NpmPackageAnalyzer implements PackageAnalyzer {
    private static final String PACKAGE_JSON = "/package.json";
    private static final String NODE_MODULES = "node_modules";

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String name() {
        return "npm";
    }

    @Override
    public boolean accepts(FileInfo file) {
        return isInstalledPackageManifest(file.path());
    }

    static boolean isInstalledPackageManifest(String path) {
        if (!path.endsWith(PACKAGE_JSON)) {
            return false;
        }
        int packageDirEnd = path.length() - PACKAGE_JSON.length();
        int packageDirStart = path.lastIndexOf('/', packageDirEnd - 1) + 1;
        if (packageDirStart <= 0 || packageDirStart == packageDirEnd) {
            return false;
        }
        int parentEnd = packageDirStart - 1;
        if (isSegment(path, parentEnd, NODE_MODULES)) {
            return path.charAt(packageDirStart) != '@'; // node_modules/@scope/package.json is no package
        }
        int scopeStart = path.lastIndexOf('/', parentEnd - 1) + 1;
        return scopeStart > 0 && path.charAt(scopeStart) == '@' && scopeStart < parentEnd - 1
                && isSegment(path, scopeStart - 1, NODE_MODULES);
    }

    /** Whether the path segment that ends just before index {@code end} is {@code name}. */
    private static boolean isSegment(String path, int end, String name) {
        int start = end - name.length();
        return start >= 0 && path.startsWith(name, start) && (start == 0 || path.charAt(start - 1) == '/');
    }

    @Override
    public void analyze(AnalyzableFile file, Findings findings) throws IOException {
        JsonNode root;
        try (InputStream in = file.open()) {
            root = json.readTree(in);
        } catch (JacksonException e) {
            findings.warn("npm-package-json-invalid", file.info().path() + " is not valid JSON: "
                    + e.getOriginalMessage());
            return;
        }
        if (root == null || !root.isObject()) {
            findings.warn("npm-package-json-invalid", file.info().path() + " is not a JSON object");
            return;
        }
        String name = text(root.get("name"));
        String version = text(root.get("version"));
        if (name == null || version == null) {
            return;
        }
        findings.add(Package.of(PackageType.NPM, name, version).withLicenses(licenses(root)));
    }

    private static List<String> licenses(JsonNode root) {
        List<String> licenses = new ArrayList<>();
        String license = licenseName(root.get("license"));
        if (license != null) {
            licenses.add(license);
            return licenses;
        }
        JsonNode legacy = root.get("licenses");
        if (legacy != null && legacy.isArray()) {
            for (JsonNode entry : legacy) {
                String name = licenseName(entry);
                if (name != null) {
                    licenses.add(name);
                }
            }
        }
        return licenses;
    }

    private static String licenseName(JsonNode node) {
        if (node == null) {
            return null;
        }
        return node.isObject() ? text(node.get("type")) : text(node);
    }

    private static String text(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        String value = node.textValue().strip();
        return value.isEmpty() ? null : value;
    }
}
