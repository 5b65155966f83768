package io.github.metart.data.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

  @Test
  void aTerminalLineIsRedrawnOverTheLongerPreviousText() {
    StringWriter text = new StringWriter();
    ProgressLine line = new ProgressLine(new PrintWriter(text), true);
    line.draw("downloading 10/100");
    line.draw("done 1/1");
    line.finish();
    assertThat(text.toString()).isEqualTo("\rdownloading 10/100\rdone 1/1          \n");
  }

  @Test
  void aLogGetsOneLinePerUpdateAndNothingAtTheEnd() {
    StringWriter text = new StringWriter();
    ProgressLine line = new ProgressLine(new PrintWriter(text), false);
    line.draw("a");
    line.draw("b");
    line.finish();
    assertThat(text.toString()).isEqualTo("a" + System.lineSeparator() + "b" + System.lineSeparator());
  }

  @Test
  void theBarShowsTheFractionDoneWithAnArrowUntilFull() {
    assertThat(ProgressLine.bar(0, 4)).isEqualTo("[>   ]");
    assertThat(ProgressLine.bar(0.5, 4)).isEqualTo("[==> ]");
    assertThat(ProgressLine.bar(1, 4)).isEqualTo("[====]");
    assertThat(ProgressLine.bar(7, 4)).isEqualTo("[====]");
    assertThat(ProgressLine.bar(Double.NaN, 4)).isEqualTo("[>   ]");
  }

  @Test
  void theClockFormatsMinutesAndHours() {
    assertThat(ProgressLine.clock(59.6)).isEqualTo("1:00");
    assertThat(ProgressLine.clock(3725)).isEqualTo("1:02:05");
    assertThat(ProgressLine.clock(Double.NaN)).isEqualTo("?");
    assertThat(ProgressLine.clock(-1)).isEqualTo("?");
  }
}
