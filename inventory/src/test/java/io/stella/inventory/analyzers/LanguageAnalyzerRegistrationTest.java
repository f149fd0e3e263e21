package io.stella.inventory.analyzers;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.inventory.spi.PackageAnalyzer;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class LanguageAnalyzerRegistrationTest {
    @Test
    void languageAnalyzersAreFoundByServiceLoader() {
        assertThat(ServiceLoader.load(PackageAnalyzer.class).stream().map(p -> p.get().name()))
                .contains("jar", "npm", "python", "gemspec");
    }
}
