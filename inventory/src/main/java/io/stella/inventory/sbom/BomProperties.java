package io.stella.inventory.sbom;

/**
 * The names of stella's CycloneDX properties: what the SBOM writer records and the SBOM reader of the scan
 * reads back, so an SBOM stella wrote scans like the image it describes.
 */
public final class BomProperties {
    public static final String PACKAGE_TYPE = "stella:package:type";
    public static final String SOURCE_NAME = "stella:package:source-name";
    public static final String SOURCE_VERSION = "stella:package:source-version";
    public static final String FILE_PATH = "stella:file-path";
    public static final String LAYER_DIGEST = "stella:layer-digest";
    public static final String IMAGE_LAYER = "stella:image:layer";
    public static final String ANALYZER = "stella:analyzer";
    public static final String WARNING = "stella:warning";

    private BomProperties() {
    }
}
