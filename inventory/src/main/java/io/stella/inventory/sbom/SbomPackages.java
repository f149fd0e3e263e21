package io.stella.inventory.sbom;

import io.stella.inventory.Inventory;
import io.stella.inventory.Package;
import java.util.Comparator;
import java.util.List;

/**
 * An inventory's packages in the order the SBOMs list them, split into those the distribution's package
 * manager installed and the language packages.
 */
record SbomPackages(List<Package> osPackages, List<Package> languagePackages) {

    /** Type (in {@link io.stella.inventory.PackageType} order), name, version, path; then the rest, for a total order. */
    static final Comparator<Package> ORDER = Comparator.comparing(Package::type)
            .thenComparing(Package::name)
            .thenComparing(Package::version)
            .thenComparing(Package::filePath, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Package::purl, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Package::layerDigest, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Package::arch, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Package::sourceName, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Package::sourceVersion, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(p -> String.join("\n", p.licenses()));

    SbomPackages {
        osPackages = List.copyOf(osPackages);
        languagePackages = List.copyOf(languagePackages);
    }

    static SbomPackages of(Inventory inventory) {
        List<Package> sorted = inventory.packages().stream().sorted(ORDER).toList();
        return new SbomPackages(
                sorted.stream().filter(p -> p.type().osPackage()).toList(),
                sorted.stream().filter(p -> !p.type().osPackage()).toList());
    }

    /** OS packages first, then language packages. */
    List<Package> all() {
        return java.util.stream.Stream.concat(osPackages.stream(), languagePackages.stream()).toList();
    }
}
