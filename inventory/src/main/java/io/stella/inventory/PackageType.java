package io.stella.inventory;

/**
 * The kind of package manager a package belongs to. {@link #purlType()} is the package-url type;
 * {@link #ecosystem()} the OSV ecosystem name, or null where it depends on the distribution (deb, rpm).
 */
public enum PackageType {
    APK("apk", "Alpine", true),
    DEB("deb", null, true),
    RPM("rpm", null, true),
    MAVEN("maven", "Maven", false),
    NPM("npm", "npm", false),
    PYPI("pypi", "PyPI", false),
    GOLANG("golang", "Go", false),
    GEM("gem", "RubyGems", false),
    CARGO("cargo", "crates.io", false),
    /** Read from SBOMs only: no analyzer finds NuGet or Composer packages in images yet. */
    NUGET("nuget", "NuGet", false),
    COMPOSER("composer", "Packagist", false);

    private final String purlType;
    private final String ecosystem;
    private final boolean osPackage;

    PackageType(String purlType, String ecosystem, boolean osPackage) {
        this.purlType = purlType;
        this.ecosystem = ecosystem;
        this.osPackage = osPackage;
    }

    public String purlType() {
        return purlType;
    }

    /** The OSV ecosystem, or null for deb and rpm whose ecosystem is the distribution's. */
    public String ecosystem() {
        return ecosystem;
    }

    /** Installed by the distribution's package manager (as opposed to a language package). */
    public boolean osPackage() {
        return osPackage;
    }
}
