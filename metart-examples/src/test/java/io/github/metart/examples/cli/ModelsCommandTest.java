package io.github.metart.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metart.examples.cli.MetartCliTest.Run;
import org.junit.jupiter.api.Test;

class ModelsCommandTest {

  @Test
  void listsEveryArchitectureWithItsReferenceParameterCount() {
    Run run = MetartCliTest.run("models");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    String[] lines = run.out().split("\\R");
    assertThat(lines).hasSize(16);
    assertThat(lines[0]).startsWith("name").contains("layout").endsWith("parameters");
    assertThat(run.out())
        .containsPattern("(?m)^alexnet +5 conv \\(64-192-384-256-256\\).* 61,100,840$")
        .containsPattern("(?m)^vgg16_bn +13 conv .*batch norm +138,365,992$")
        .containsPattern("(?m)^resnet50 +bottleneck blocks \\[3, 4, 6, 3\\].* 25,557,032$")
        .containsPattern("(?m)^resnet152 .* 60,192,808$");
  }

  @Test
  void helpDescribesTheCommand() {
    Run run = MetartCliTest.run("models", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: metart models");
  }
}
