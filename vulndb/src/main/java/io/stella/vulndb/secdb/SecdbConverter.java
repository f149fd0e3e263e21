package io.stella.vulndb.secdb;

import io.stella.vulndb.InvalidRecord;
import io.stella.vulndb.ParsedSource;
import io.stella.vulndb.model.Advisory;
import io.stella.vulndb.model.Affected;
import io.stella.vulndb.model.AffectedRange;
import io.stella.vulndb.model.RangeEvent;
import io.stella.vulndb.model.SeverityRating;
import io.stella.vulndb.secdb.wire.SecdbFile;
import io.stella.vulndb.secdb.wire.SecdbPackage;
import io.stella.vulndb.secdb.wire.SecdbPackageEntry;
import io.stella.vulndb.store.ImportedAdvisory;
import io.stella.vulndb.store.SourceData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts the secdb files of one Alpine release into advisories: one advisory per vulnerability id, with an
 * affected entry per (package, fixing version): ecosystem {@code Alpine:vX.Y}, the package's name (the apk
 * origin), one ECOSYSTEM range introduced "0", fixed at that version.
 *
 * <p>Version "0" is how secdb says a CVE does not affect Alpine's package at all (a whitelisting): no range
 * is stored for it, the entry is only counted ({@link ParsedSource#notAffectedSkipped()}). A CVE listed
 * only under "0" gives no advisory, since an advisory that affects nothing would only mislead.
 *
 * <p>Items without a CVE keep their own id ({@code XSA-207}); ids of other databases next to a CVE
 * ({@code CVE-2016-10013 XSA-204}) become aliases of the CVE advisory.
 */
public final class SecdbConverter {
    static final String NOT_AFFECTED = "0";

    /** A secdb file and where it was read from. */
    public record LocatedFile(String location, SecdbFile file) {
    }

    private static final class Building {
        final Set<String> aliases = new LinkedHashSet<>();
        final List<Affected> affected = new ArrayList<>();
    }

    /**
     * @param files the files of one repository of one release, all with the same distroversion and reponame
     */
    public ParsedSource convert(String distroversion, List<LocatedFile> files, String origin, String sha256) {
        String ecosystem = "Alpine:" + distroversion;
        String source = sourceName(distroversion, files.getFirst().file().reponame());
        Map<String, Building> byId = new LinkedHashMap<>();
        List<InvalidRecord> invalid = new ArrayList<>();
        int notAffected = 0;
        for (LocatedFile located : files) {
            for (SecdbPackageEntry entry : located.file().packages() == null
                    ? List.<SecdbPackageEntry>of() : located.file().packages()) {
                SecdbPackage pkg = entry.pkg();
                if (pkg == null || pkg.name() == null || pkg.name().isBlank()) {
                    invalid.add(new InvalidRecord("(package without a name)", located.location(),
                            "a packages[] item has no pkg.name"));
                    continue;
                }
                if (pkg.secfixes() == null) {
                    continue;
                }
                for (Map.Entry<String, List<String>> fix : pkg.secfixes().entrySet()) {
                    String version = fix.getKey().trim();
                    for (String item : fix.getValue() == null ? List.<String>of() : fix.getValue()) {
                        if (item == null || item.isBlank()) {
                            continue;
                        }
                        SecfixIds ids = SecfixIds.of(item);
                        if (ids.isEmpty()) {
                            invalid.add(new InvalidRecord(pkg.name() + "@" + version, located.location(),
                                    "no vulnerability id in secfixes item '" + item + "'"));
                            continue;
                        }
                        if (version.equals(NOT_AFFECTED)) {
                            notAffected++;
                            continue;
                        }
                        List<String> primary = ids.cves().isEmpty() ? ids.others().subList(0, 1) : ids.cves();
                        List<String> aliases = ids.cves().isEmpty()
                                ? ids.others().subList(1, ids.others().size()) : ids.others();
                        for (String id : primary) {
                            Building building = byId.computeIfAbsent(id, k -> new Building());
                            building.aliases.addAll(aliases);
                            Affected affected = new Affected(ecosystem, pkg.name(), List.of(new AffectedRange(
                                    AffectedRange.Type.ECOSYSTEM,
                                    List.of(new RangeEvent(RangeEvent.Kind.INTRODUCED, "0"),
                                            new RangeEvent(RangeEvent.Kind.FIXED, version)))),
                                    List.of(), null);
                            if (!building.affected.contains(affected)) {
                                building.affected.add(affected);
                            }
                        }
                    }
                }
            }
        }
        List<ImportedAdvisory> advisories = new ArrayList<>();
        byId.forEach((id, building) -> advisories.add(new ImportedAdvisory(
                new Advisory(id, List.copyOf(building.aliases), null, SeverityRating.UNKNOWN, null, null, null,
                        source, List.of()),
                building.affected)));
        return new ParsedSource(new SourceData(source, origin, sha256, advisories), invalid, 0, notAffected);
    }

    /**
     * {@code alpine-secdb:v3.10/main}: each repository of a release is its own source, so importing
     * {@code community.yaml} never replaces what {@code main.yaml} brought.
     */
    static String sourceName(String distroversion, String reponame) {
        return "alpine-secdb:" + distroversion + (reponame == null || reponame.isBlank() ? "" : "/" + reponame.strip());
    }
}
