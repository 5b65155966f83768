package io.github.metart.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetCsvWriterTest {

  @Test
  void quotesOnlyWhereNeededWithBomAndCrlf() throws IOException {
    StringWriter out = new StringWriter();
    MetCsvWriter writer = new MetCsvWriter(out);

    long first = writer.writeRecord(List.of("a", "2012.355a, b", "ex \"Kurtz\" Violin", " ", ""));
    long second = writer.writeRecord(List.of("H. 3 in.\r\nDiam. 5 in.", "x"));
    long third = writer.writeRecord(List.of("last"));

    assertThat(out.toString())
        .isEqualTo(
            "\uFEFFa,\"2012.355a, b\",\"ex \"\"Kurtz\"\" Violin\", ,\r\n"
                + "\"H. 3 in.\r\nDiam. 5 in.\",x\r\n"
                + "last\r\n");
    assertThat(List.of(first, second, third)).containsExactly(1L, 2L, 4L);
  }

  @Test
  void canLeaveOutTheByteOrderMark() throws IOException {
    StringWriter out = new StringWriter();
    new MetCsvWriter(out, false).writeRecord(List.of("Object ID"));

    assertThat(out.toString()).isEqualTo("Object ID\r\n");
  }

  @Test
  void countsEveryKindOfLineBreakOnce() {
    assertThat(MetCsvWriter.lineBreaks("a\r\nb\nc\rd")).isEqualTo(3);
    assertThat(MetCsvWriter.lineBreaks("none")).isZero();
  }
}
