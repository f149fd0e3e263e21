package io.stella.inventory.sbom;

import io.stella.inventory.AnalysisWarning;
import io.stella.inventory.Inventory;
import io.stella.inventory.OsRelease;
import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import io.stella.inventory.ScanTarget;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * Builds the CycloneDX model of an inventory, in Trivy's shape with {@code stella:} property names:
 * <ul>
 *   <li>{@code metadata.component}: the target ({@code container} with the {@code pkg:oci} purl for an
 *       image, {@code file} for a file system), its layers as {@code stella:image:layer} properties;</li>
 *   <li>{@code metadata.tools}: stella and its version; {@code metadata.properties}: one
 *       {@code stella:analyzer} per analyzer that ran and one {@code stella:warning} per warning, so an
 *       incomplete analysis stays visible in the SBOM;</li>
 *   <li>components: the distribution ({@code operating-system}, name = os-release id, version =
 *       VERSION_ID), then every package as a {@code library};</li>
 *   <li>dependencies: the target on the OS and the language packages, the OS on its packages, every
 *       package on nothing (packages found without an os-release hang off the target).</li>
 * </ul>
 */
final class CycloneDxBomBuilder {
    static final String PACKAGE_TYPE = BomProperties.PACKAGE_TYPE;
    static final String SOURCE_NAME = BomProperties.SOURCE_NAME;
    static final String SOURCE_VERSION = BomProperties.SOURCE_VERSION;
    static final String FILE_PATH = BomProperties.FILE_PATH;
    static final String LAYER_DIGEST = BomProperties.LAYER_DIGEST;
    static final String IMAGE_LAYER = BomProperties.IMAGE_LAYER;
    static final String ANALYZER = BomProperties.ANALYZER;
    static final String WARNING = BomProperties.WARNING;

    private final Clock clock;
    private final Supplier<UUID> uuids;
    private final String toolVersion;

    CycloneDxBomBuilder(Clock clock, Supplier<UUID> uuids, String toolVersion) {
        this.clock = clock;
        this.uuids = uuids;
        this.toolVersion = toolVersion;
    }

    Bom build(Inventory inventory) {
        Objects.requireNonNull(inventory.target(), "inventory.target");
        SbomPackages packages = SbomPackages.of(inventory);
        Component root = rootComponent(inventory.target());
        Component os = inventory.os() == null ? null : osComponent(inventory.os());

        List<Package> all = packages.all();
        List<String> refs = BomRefs.assign(all);
        List<Component> components = new ArrayList<>();
        if (os != null) {
            components.add(os);
        }
        List<Dependency> dependencies = new ArrayList<>();
        Dependency rootDependency = new Dependency(root.getBomRef());
        Dependency osDependency = os == null ? null : new Dependency(os.getBomRef());
        if (osDependency != null) {
            rootDependency.addDependency(new Dependency(os.getBomRef()));
        }
        for (int i = 0; i < all.size(); i++) {
            Package p = all.get(i);
            String ref = refs.get(i);
            components.add(libraryComponent(p, ref));
            Dependency parent = p.type().osPackage() && osDependency != null ? osDependency : rootDependency;
            parent.addDependency(new Dependency(ref));
        }
        dependencies.add(rootDependency);
        if (osDependency != null) {
            dependencies.add(osDependency);
        }
        for (String ref : refs) {
            dependencies.add(new Dependency(ref));
        }

        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + uuids.get());
        bom.setVersion(1);
        bom.setMetadata(metadata(inventory, root));
        bom.setComponents(components);
        bom.setDependencies(dependencies);
        return bom;
    }

    private Metadata metadata(Inventory inventory, Component root) {
        Metadata metadata = new Metadata();
        metadata.setTimestamp(Date.from(clock.instant()));
        Component tool = new Component();
        tool.setType(Component.Type.APPLICATION);
        tool.setName("stella");
        tool.setVersion(toolVersion);
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(tool));
        metadata.setToolChoice(tools);
        metadata.setComponent(root);
        List<Property> properties = new ArrayList<>();
        for (String analyzer : inventory.analyzers().stream().sorted().toList()) {
            properties.add(new Property(ANALYZER, analyzer));
        }
        for (AnalysisWarning warning : inventory.warnings()) {
            properties.add(new Property(WARNING, warning.toString()));
        }
        if (!properties.isEmpty()) {
            metadata.setProperties(properties);
        }
        return metadata;
    }

    private static Component rootComponent(ScanTarget target) {
        Component root = new Component();
        root.setName(target.name());
        if (target.kind() == ScanTarget.Kind.CONTAINER_IMAGE) {
            root.setType(Component.Type.CONTAINER);
            String purl = OciPurl.of(target).orElse(null);
            root.setPurl(purl);
            root.setBomRef(purl != null ? purl : "container:" + target.name());
            root.setVersion(target.digest());
        } else {
            root.setType(Component.Type.FILE);
            root.setBomRef("file:" + target.name());
        }
        List<Property> properties = new ArrayList<>();
        for (String layer : target.layers()) {
            properties.add(new Property(IMAGE_LAYER, layer));
        }
        if (!properties.isEmpty()) {
            root.setProperties(properties);
        }
        return root;
    }

    private static Component osComponent(OsRelease os) {
        Component component = new Component();
        component.setType(Component.Type.OPERATING_SYSTEM);
        component.setBomRef("operating-system:" + os.id() + (os.versionId() == null ? "" : "@" + os.versionId()));
        component.setName(os.id());
        component.setVersion(os.versionId());
        return component;
    }

    private static Component libraryComponent(Package p, String ref) {
        Component component = new Component();
        component.setType(Component.Type.LIBRARY);
        component.setBomRef(ref);
        GroupedName name = GroupedName.of(p);
        component.setGroup(name.group());
        component.setName(name.name());
        component.setVersion(p.version());
        component.setPurl(p.purl());
        component.setLicenses(CycloneDxLicences.of(p.licenses()));
        // Alphabetical, as Trivy orders its aquasecurity:trivy:* properties.
        List<Property> properties = new ArrayList<>();
        addIfPresent(properties, FILE_PATH, p.filePath());
        addIfPresent(properties, LAYER_DIGEST, p.layerDigest());
        addIfPresent(properties, SOURCE_NAME, p.sourceName());
        addIfPresent(properties, SOURCE_VERSION, p.sourceVersion());
        properties.add(new Property(PACKAGE_TYPE, p.type().purlType()));
        component.setProperties(properties);
        return component;
    }

    private static void addIfPresent(List<Property> properties, String name, String value) {
        if (value != null && !value.isEmpty()) {
            properties.add(new Property(name, value));
        }
    }

    /**
     * CycloneDX's group and name: Maven {@code groupId:artifactId} and npm {@code @scope/name} are split
     * (Trivy does the same); every other name is kept whole.
     */
    record GroupedName(String group, String name) {
        static GroupedName of(Package p) {
            String name = p.name();
            if (p.type() == PackageType.MAVEN && name.indexOf(':') > 0) {
                int colon = name.indexOf(':');
                return new GroupedName(name.substring(0, colon), name.substring(colon + 1));
            }
            if (p.type() == PackageType.NPM && name.startsWith("@") && name.indexOf('/') > 1) {
                int slash = name.indexOf('/');
                return new GroupedName(name.substring(0, slash), name.substring(slash + 1));
            }
            return new GroupedName(null, name);
        }
    }
}
