package org.fastai4j.interpret.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CsvTable#read}: a user told "line N" of a broken {@code history.csv} must find the bad line at
 * line N of the file in an editor, blank lines included; blank lines are still skipped as data.
 */
class CsvTableTest {

    @TempDir
    Path dir;

    @Test
    void errorsGiveTheLineNumberInTheFileCountingBlankLines() throws Exception {
        // line 1 header, 2 blank, 3 data, 4 blank, 5 a row with 1 field
        Path csv = Files.writeString(dir.resolve("h.csv"), "a,b\n\n1,2\n\n3\n");
        assertThatThrownBy(() -> CsvTable.read(csv)).isInstanceOf(IOException.class)
                .hasMessageContaining(csv + " line 5: 1 fields, expected 2");

        // blank lines before the header: the unterminated quote is on line 3
        Path quote = Files.writeString(dir.resolve("q.csv"), "\n  \na,\"b\n");
        assertThatThrownBy(() -> CsvTable.read(quote)).isInstanceOf(IOException.class)
                .hasMessageContaining(quote + " line 3: unterminated quote");
    }

    @Test
    void blankLinesAreSkippedAndAnAllBlankFileIsEmpty() throws Exception {
        Path csv = Files.writeString(dir.resolve("h.csv"), "\nepoch,\"loss, train\"\n\n0,1.5\n \n1,\"0.5\"\n\n");
        CsvTable t = CsvTable.read(csv);
        assertThat(t.header()).containsExactly("epoch", "loss, train");
        assertThat(t.rows()).containsExactly(List.of("0", "1.5"), List.of("1", "0.5"));

        Path blank = Files.writeString(dir.resolve("b.csv"), "\n \n");
        assertThatThrownBy(() -> CsvTable.read(blank)).isInstanceOf(IOException.class)
                .hasMessageContaining(blank + ": empty CSV, expected a header line");
    }
}
