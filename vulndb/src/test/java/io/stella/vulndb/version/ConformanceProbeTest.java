package io.stella.vulndb.version;

import org.junit.jupiter.api.Test;

class ConformanceProbeTest {
    @Test void dpkg() { Conformance.assertConforms("dpkg.tsv", new DpkgVersionScheme()::compare); }
    @Test void rpm() { Conformance.assertConforms("rpm.tsv", RpmVersionScheme::compareSegments); }
    @Test void rpmEvr() { Conformance.assertConforms("rpm-evr.tsv", new RpmVersionScheme()::compare); }
    @Test void apk() { Conformance.assertConforms("apk.tsv", new ApkVersionScheme()::compare); }
    @Test void pep440() { Conformance.assertConforms("pep440.tsv", new Pep440VersionScheme()::compare); }
    @Test void semver() { Conformance.assertConforms("semver.tsv", new SemverVersionScheme()::compare); }
    @Test void npm() { Conformance.assertConforms("semver-node-loose.tsv", new NpmVersionScheme()::compare); }
    @Test void rubygems() { Conformance.assertConforms("rubygems.tsv", new RubyGemsVersionScheme()::compare); }
    @Test void nuget() { Conformance.assertConforms("nuget.tsv", new NuGetVersionScheme()::compare); }
    @Test void maven() { Conformance.assertConforms("maven.tsv", new MavenVersionScheme()::compare); }
}
