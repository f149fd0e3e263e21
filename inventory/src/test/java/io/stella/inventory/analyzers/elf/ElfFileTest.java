package io.stella.inventory.analyzers.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.testing.gobinary.EsbuildBinaries;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ElfFileTest {
    private static final Path LS = Path.of("/bin/ls");
    private static final int PT_INTERP = 3;

    @Test
    void sectionTableAndProgramHeadersOfARealExecutableAgree() throws Exception {
        byte[] bytes = Files.readAllBytes(LS);
        ElfFile elf = ElfFile.parse(bytes);

        assertThat(elf.sections()).extracting(ElfSection::name).contains(".interp", ".text", ".dynsym", ".shstrtab");
        // The interpreter is named twice, by the .interp section and by the PT_INTERP program header.
        ElfSection interpSection = elf.section(".interp").orElseThrow();
        ElfSegment interpSegment = elf.segments().stream().filter(s -> s.type() == PT_INTERP).findFirst().orElseThrow();
        byte[] fromSection = elf.contents(interpSection, 4096);
        assertThat(fromSection).isEqualTo(elf.bytes(interpSegment.offset(), interpSegment.fileSize(), "PT_INTERP"));
        assertThat(new String(fromSection, StandardCharsets.US_ASCII)).startsWith("/lib");
        // Loaded sections map back to their own file offsets through the segments.
        for (String name : new String[] {".text", ".rodata", ".dynsym"}) {
            ElfSection section = elf.section(name).orElseThrow();
            assertThat(elf.fileOffset(section.addr(), section.size())).as(name).contains(section.offset());
        }
    }

    @Tag("integration")
    @ParameterizedTest
    @EnumSource(value = EsbuildBinaries.class, names = {"IA32_0_25_0", "S390X_0_25_0", "IA32_0_14_8", "S390X_0_14_8"})
    void readsThirtyTwoBitAndBigEndianFiles(EsbuildBinaries esbuild) throws Exception {
        byte[] bytes = Files.readAllBytes(esbuild.binary());
        ElfFile elf = ElfFile.parse(bytes);

        assertThat(elf.is64Bit()).isEqualTo(esbuild.spec().contains("s390x"));
        assertThat(elf.byteOrder()).isEqualTo(esbuild.spec().contains("s390x") ? ByteOrder.BIG_ENDIAN
                : ByteOrder.LITTLE_ENDIAN);
        ElfSection buildInfo = elf.section(".go.buildinfo").orElseThrow();
        assertThat(new String(elf.bytes(buildInfo.offset(), 14, "magic"), StandardCharsets.ISO_8859_1))
                .isEqualTo("\u00ff Go buildinf:");
        assertThat(elf.fileOffset(buildInfo.addr(), buildInfo.size())).contains(buildInfo.offset());
        assertThat(elf.section(".text")).isPresent();
    }

    @Test
    void truncatedHeaderTablesAreRejected() throws Exception {
        byte[] bytes = Files.readAllBytes(LS);

        assertThatThrownBy(() -> ElfFile.parse(Arrays.copyOf(bytes, 64)))
                .isInstanceOf(ElfFormatException.class).hasMessageContaining("past the end of the file");
        assertThatThrownBy(() -> ElfFile.parse(Arrays.copyOf(bytes, 40)))
                .isInstanceOf(ElfFormatException.class).hasMessageContaining("shorter than an ELF header");
        assertThatThrownBy(() -> ElfFile.parse("not an elf".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(ElfFormatException.class).hasMessageContaining("no ELF magic");
    }

    @Test
    void unusableNameTableLeavesSectionsNameless() throws Exception {
        byte[] bytes = Files.readAllBytes(LS);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(62, (short) 0x7fff);

        ElfFile elf = ElfFile.parse(bytes);

        assertThat(elf.sections()).isNotEmpty().allSatisfy(s -> assertThat(s.name()).isEmpty());
        assertThat(elf.section(".text")).isEmpty();
    }

    @Test
    void sectionContentsOutsideTheFileAreRefused() throws Exception {
        ElfFile elf = ElfFile.parse(Files.readAllBytes(LS));
        ElfSection text = elf.section(".text").orElseThrow();
        ElfSection beyond = new ElfSection(".text", text.type(), text.flags(), text.addr(), elf.length() - 8, 16);
        ElfSection huge = new ElfSection(".text", text.type(), text.flags(), text.addr(), text.offset(), Long.MAX_VALUE);

        assertThatThrownBy(() -> elf.contents(beyond, 1 << 20)).isInstanceOf(ElfFormatException.class);
        assertThatThrownBy(() -> elf.contents(huge, 1 << 20)).isInstanceOf(ElfFormatException.class)
                .hasMessageContaining("exceeds the limit");
        assertThat(elf.fileOffset(Long.MAX_VALUE - 4, 16)).isEmpty();
    }

    @Test
    void randomHeadersEndInAnElfFormatExceptionOrAConsistentFile() {
        Random random = new Random(1);
        int parsed = 0;
        for (int round = 0; round < 5000; round++) {
            byte[] bytes = new byte[64 + random.nextInt(4096)];
            random.nextBytes(bytes);
            bytes[0] = 0x7f;
            bytes[1] = 'E';
            bytes[2] = 'L';
            bytes[3] = 'F';
            bytes[4] = (byte) (1 + random.nextInt(2));
            bytes[5] = (byte) (1 + random.nextInt(2));
            // Small table offsets and counts, so that some headers land inside the file.
            ByteBuffer header = ByteBuffer.wrap(bytes).order(bytes[5] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            if (random.nextBoolean()) {
                if (bytes[4] == 2) {
                    header.putLong(32, 0);
                    header.putLong(40, random.nextInt(bytes.length));
                    header.putShort(58, (short) 64);
                    header.putShort(60, (short) random.nextInt(4));
                } else {
                    header.putInt(28, 0);
                    header.putInt(32, random.nextInt(bytes.length));
                    header.putShort(46, (short) 40);
                    header.putShort(48, (short) random.nextInt(4));
                }
            }
            try {
                ElfFile elf = ElfFile.parse(bytes);
                parsed++;
                for (ElfSection s : elf.sections()) {
                    try {
                        elf.contents(s, 1 << 20);
                    } catch (ElfFormatException expected) {
                        // out-of-range contents are refused, which is the point
                    }
                    elf.fileOffset(s.addr(), s.size());
                }
            } catch (ElfFormatException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
        assertThat(parsed).as("some random headers are consistent enough to parse").isPositive();
    }
}
