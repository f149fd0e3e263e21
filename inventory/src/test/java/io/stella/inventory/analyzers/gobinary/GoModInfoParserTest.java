package io.stella.inventory.analyzers.gobinary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoModInfoParserTest {
    /** Module information as cmd/go writes it (runtime/debug.BuildInfo.String without the go line). */
    private static final String MOD_INFO = String.join("\n",
            "path\tgithub.com/example/tool/cmd/tool",
            "mod\tgithub.com/example/tool\t(devel)\t",
            "dep\tgithub.com/pkg/errors\tv0.9.1\th1:FEBLx1zS214owpjy7qsBeixbURkuhQAwrK5UwLGTwt4=",
            "dep\tgolang.org/x/net\tv0.7.0\th1:rJrUqqhjsgNp7KqAIc25s9pZnjU7TUcSY7HcVZjdn1g=",
            "=>\tgolang.org/x/net\tv0.17.0\th1:pVaXccu2ozPjCXewfr1S7xoGeHHOfIjXqlbEwI1yIb=",
            "dep\tgithub.com/example/fork\tv1.0.0\th1:abc=",
            "=>\t../fork\t\t",
            "build\t-compiler=gc",
            "build\t-ldflags=\"-s -w -X 'main.version=1.4.2'\"",
            "build\tCGO_ENABLED=0",
            "");

    @Test
    void readsMainModuleDependenciesReplacementsAndSettings() {
        GoModInfo info = GoModInfoParser.parse(MOD_INFO);

        assertThat(info.path()).isEqualTo("github.com/example/tool/cmd/tool");
        assertThat(info.main()).isEqualTo(new GoModule("github.com/example/tool", "(devel)", "", null));
        assertThat(info.dependencies()).extracting(GoModule::path)
                .containsExactly("github.com/pkg/errors", "golang.org/x/net", "github.com/example/fork");
        assertThat(info.dependencies().get(0).replacement()).isNull();
        assertThat(info.dependencies().get(1).effective().version()).isEqualTo("v0.17.0");
        assertThat(info.dependencies().get(2).effective()).isEqualTo(new GoModule("../fork", "", "", null));
        assertThat(info.settings()).containsEntry("-compiler", "gc").containsEntry("CGO_ENABLED", "0")
                .containsEntry("-ldflags", "-s -w -X 'main.version=1.4.2'");
        assertThat(info.malformedLines()).isEmpty();
    }

    @Test
    void skipsMalformedLinesAndKeepsTheRest() {
        GoModInfo info = GoModInfoParser.parse(String.join("\n",
                "=>\tgithub.com/orphan\tv1.0.0\th1:x=",
                "dep\tonly-one-column",
                "dep\tgithub.com/ok\tv1.2.3\th1:y=",
                "dep\ttoo\tmany\tcolumns\there",
                "build\tno-equals-sign",
                "build\t\"unterminated=1",
                ""));

        assertThat(info.dependencies()).extracting(GoModule::path).containsExactly("github.com/ok");
        assertThat(info.malformedLines()).hasSize(5);
    }

    @Test
    void quotedSettingsAreUnquotedLikeGo() {
        GoModInfo info = GoModInfoParser.parse("build\t\"key with space\"=\"tab\\there \\\"quoted\\\" \\u00e9\\x41\"\n");

        assertThat(info.settings()).containsEntry("key with space", "tab\there \"quoted\" \u00e9A");
    }
}
