package io.stella.inventory.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReplayableContentTest {
    private static final byte[] CONTENT = new byte[300_000];

    static {
        new Random(7).nextBytes(CONTENT);
    }

    /** Counts what was pulled from the layer. */
    private static final class Source extends ByteArrayInputStream {
        Source(long size) {
            super(CONTENT, 0, (int) size);
        }

        int consumed() {
            return pos;
        }
    }

    @Test
    void everyReaderSeesTheWholeContent() throws Exception {
        ReplayableContent shared = new ReplayableContent(new Source(CONTENT.length), CONTENT.length);
        assertThat(shared.reader().readAllBytes()).isEqualTo(CONTENT);
        InputStream second = shared.reader();
        assertThat(second.read()).isEqualTo(CONTENT[0] & 0xff);
        assertThat(second.readAllBytes()).hasSize(CONTENT.length - 1);
    }

    @Test
    void aReaderThatStopsEarlyLeavesTheRestInTheLayerUntilAnotherWantsIt() throws Exception {
        Source source = new Source(CONTENT.length);
        ReplayableContent shared = new ReplayableContent(source, CONTENT.length);
        assertThat(shared.reader().readNBytes(4)).containsExactly(CONTENT[0], CONTENT[1], CONTENT[2], CONTENT[3]);
        assertThat(source.consumed()).isLessThanOrEqualTo(8192);
        assertThat(shared.reader().readNBytes(4)).hasSize(4);
        assertThat(source.consumed()).isLessThanOrEqualTo(8192);
        assertThat(shared.reader().readAllBytes()).isEqualTo(CONTENT);
        assertThat(source.consumed()).isEqualTo(CONTENT.length);
    }

    @Test
    void aWrongSizeInTheHeaderStillGivesTheRealContent() throws Exception {
        for (long announced : new long[] {0, 10, CONTENT.length * 2L}) {
            ReplayableContent shared = new ReplayableContent(new Source(CONTENT.length), announced);
            assertThat(shared.reader().readAllBytes()).isEqualTo(CONTENT);
            assertThat(shared.reader().readAllBytes()).isEqualTo(CONTENT);
        }
    }
}
