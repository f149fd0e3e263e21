package io.stella.vulndb.store;

import io.stella.vulndb.model.Advisory;
import io.stella.vulndb.model.Affected;
import java.util.List;

/** An advisory with its affected entries, as an importer hands it to the database. */
public record ImportedAdvisory(Advisory advisory, List<Affected> affected) {
    public ImportedAdvisory {
        affected = List.copyOf(affected);
    }
}
