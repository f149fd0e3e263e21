package io.stella.inventory.sbom;

import io.stella.inventory.Inventory;
import java.io.IOException;
import java.io.OutputStream;

/** Writes an inventory as one SBOM document. The stream is written to, flushed, and left open. */
public interface SbomWriter {
    void write(Inventory inventory, OutputStream out) throws IOException;
}
