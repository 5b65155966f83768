package io.github.metart.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.examples.cli.MetartCliTest.Run;
import org.junit.jupiter.api.Test;

class SummaryCommandTest {

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\\R");
    return lines[lines.length - 1];
  }

  @Test
  void theDefaultHeadReproducesThePublishedCount() {
    Run run = MetartCliTest.run("summary", "resnet50");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("resnet50, 224 px, classifier (1000 classes)");
    assertThat(run.out()).contains("backbone.layer4.2").contains("(1, 2048, 7, 7)");
    assertThat(lastLine(run.out())).isEqualTo("parameters: 25557032");
  }

  @Test
  void classesAndSizeChangeTheHeadAndShapes() {
    Run run = MetartCliTest.run("summary", "vgg16", "--classes", "15", "--size", "112");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("(1, 512, 3, 3)").contains("(1, 15)");
    assertThat(lastLine(run.out())).isEqualTo("parameters: " + (138_357_544L - 4097 * 985));
  }

  @Test
  void regressionHasOneOutputAndAcceptsBcYears() {
    Run run = MetartCliTest.run("summary", "resnet18", "--regression", "-500", "1900");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("resnet18, 224 px, regression (-500..1900)");
    assertThat(lastLine(run.out())).isEqualTo("parameters: " + (11_689_512L - 513 * 999));
  }

  @Test
  void binnedYearAndKnobsAreAccepted() {
    Run run =
        MetartCliTest.run(
            "summary", "alexnet_bn", "--binned-year", "1500", "1900", "16", "--size", "448",
            "--stem", "1", "--hidden-units", "256", "--dropout", "0.3");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("alexnet_bn, 448 px, hidden 256, dropout 0.3, stem 1x32, binned-year (1500..1900, 16 bins)")
        .contains("backbone.stem.0");
  }

  @Test
  void anUnknownArchitectureIsAUsageErrorOnOneLine() {
    Run run = MetartCliTest.run("summary", "resnet51");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip())
        .doesNotContain("\n")
        .contains("unknown architecture 'resnet51'; expected one of alexnet, alexnet_bn");
  }

  @Test
  void badOptionsAreUsageErrors() {
    Run tooSmall = MetartCliTest.run("summary", "alexnet", "--size", "48");
    Run twoHeads = MetartCliTest.run("summary", "resnet18", "--classes", "3", "--regression", "1", "2");
    Run oneClass = MetartCliTest.run("summary", "resnet18", "--classes", "1");
    Run missing = MetartCliTest.run("summary");
    Run shortRange = MetartCliTest.run("summary", "resnet18", "--regression", "1500");

    assertThat(tooSmall.exitCode()).isEqualTo(2);
    assertThat(tooSmall.err()).contains("alexnet needs inputs of at least 63 px, got inputSize 48");
    assertThat(twoHeads.exitCode()).isEqualTo(2);
    assertThat(twoHeads.err()).contains("mutually exclusive");
    assertThat(oneClass.exitCode()).isEqualTo(2);
    assertThat(oneClass.err()).contains("a classifier needs between 2 and 100000 classes, got 1");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("ARCH");
    assertThat(shortRange.exitCode()).isEqualTo(2);
    for (Run run : new Run[] {tooSmall, twoHeads, oneClass, missing, shortRange}) {
      assertThat(run.err().strip()).doesNotContain("\n");
    }
  }
}
