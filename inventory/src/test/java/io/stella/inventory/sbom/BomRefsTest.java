package io.stella.inventory.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import java.util.List;
import org.junit.jupiter.api.Test;

class BomRefsTest {
    private static Package lodash(String path) {
        return Package.of(PackageType.NPM, "lodash", "4.17.21").withFilePath(path).withIdentity("npm", "pkg:npm/lodash@4.17.21");
    }

    @Test
    void aPurlOfOnePackageIsItsRef() {
        assertThat(BomRefs.assign(List.of(lodash("app/package-lock.json")))).containsExactly("pkg:npm/lodash@4.17.21");
    }

    @Test
    void sharedPurlsAreToldApartByPathThenByCounter() {
        List<String> refs = BomRefs.assign(List.of(
                lodash("app/node_modules/lodash/package.json"),
                lodash("tools/node_modules/lodash/package.json"),
                lodash("tools/node_modules/lodash/package.json"),
                Package.of(PackageType.APK, "musl", "1.2.5-r0").withFilePath("lib/apk/db/installed")
                        .withIdentity("Alpine", "pkg:apk/alpine/musl@1.2.5-r0?arch=aarch64&distro=alpine-3.20"),
                Package.of(PackageType.APK, "musl", "1.2.5-r0").withFilePath("usr/lib/apk/db/installed")
                        .withIdentity("Alpine", "pkg:apk/alpine/musl@1.2.5-r0?arch=aarch64&distro=alpine-3.20"),
                Package.of(PackageType.PYPI, "requests", "2.32.3")));
        assertThat(refs).containsExactly(
                "pkg:npm/lodash@4.17.21?file_path=app%2Fnode_modules%2Flodash%2Fpackage.json",
                "pkg:npm/lodash@4.17.21?file_path=tools%2Fnode_modules%2Flodash%2Fpackage.json",
                "pkg:npm/lodash@4.17.21?file_path=tools%2Fnode_modules%2Flodash%2Fpackage.json#2",
                "pkg:apk/alpine/musl@1.2.5-r0?arch=aarch64&distro=alpine-3.20&file_path=lib%2Fapk%2Fdb%2Finstalled",
                "pkg:apk/alpine/musl@1.2.5-r0?arch=aarch64&distro=alpine-3.20&file_path=usr%2Flib%2Fapk%2Fdb%2Finstalled",
                "pypi:requests@2.32.3");
    }
}
