package io.stella.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChallengeParserTest {

    @Test
    void parsesDockerHubBearerChallenge() {
        List<Challenge> cs = ChallengeParser.parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                + "scope=\"repository:library/alpine:pull\",error=\"insufficient_scope\"");
        assertThat(cs).hasSize(1);
        Challenge c = cs.getFirst();
        assertThat(c.isBearer()).isTrue();
        assertThat(c.realm()).contains("https://auth.docker.io/token");
        assertThat(c.service()).contains("registry.docker.io");
        assertThat(c.parameter("scope")).contains("repository:library/alpine:pull");
        assertThat(c.error()).contains("insufficient_scope");
    }

    @Test
    void parsesSeveralChallengesInOneHeaderAndAcrossHeaders() {
        List<Challenge> cs = ChallengeParser.parse(List.of("Basic realm=\"r1\", Bearer realm=\"https://t/x\",service=s",
                "Negotiate"));
        assertThat(cs).extracting(Challenge::scheme).containsExactly("Basic", "Bearer", "Negotiate");
        assertThat(cs.get(1).service()).contains("s");
        assertThat(cs.get(0).realm()).contains("r1");
    }

    @Test
    void handlesEscapesCommasInQuotesAndOddSpacing() {
        Challenge c = ChallengeParser.parse("bearer  Realm = \"https://a/b?x=1,y=2\" , service=\"a \\\"q\\\" b\"").getFirst();
        assertThat(c.isBearer()).isTrue();
        assertThat(c.realm()).contains("https://a/b?x=1,y=2");
        assertThat(c.service()).contains("a \"q\" b");
    }

    @Test
    void emptyAndGarbageGiveNoCrash() {
        assertThat(ChallengeParser.parse("")).isEmpty();
        assertThat(ChallengeParser.parse((String) null)).isEmpty();
        assertThat(ChallengeParser.parse("=,,\"")).isNotNull();
    }
}
