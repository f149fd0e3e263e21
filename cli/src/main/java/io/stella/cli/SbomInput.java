package io.stella.cli;

import io.stella.inventory.Inventory;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.scan.sbom.SbomInputException;
import io.stella.scan.sbom.SbomInventoryReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An SBOM given on the command line, read as an inventory; unusable input is {@code SBOM_INVALID}. */
final class SbomInput {
    private SbomInput() {
    }

    static Inventory read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw RegistryException.builder(FailureCode.SBOM_INVALID, file + " does not exist or is not a file")
                    .evidence("file", file).build();
        }
        try {
            return SbomInventoryReader.read(file);
        } catch (SbomInputException e) {
            RegistryException.Builder failure = RegistryException.builder(FailureCode.SBOM_INVALID, e.getMessage())
                    .evidence("file", file);
            if (e.location() != null) {
                failure.evidence("location", e.location());
            }
            throw failure.build();
        }
    }
}
