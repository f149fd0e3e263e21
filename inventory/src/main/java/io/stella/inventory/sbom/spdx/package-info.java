/**
 * The SPDX 2.3 JSON wire format: records named and shaped like the JSON, filled by
 * {@code io.stella.inventory.sbom.SpdxDocumentBuilder} and written with Jackson.
 */
package io.stella.inventory.sbom.spdx;
