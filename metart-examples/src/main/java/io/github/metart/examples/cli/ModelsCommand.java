package io.github.metart.examples.cli;

import io.github.metart.models.MetModels;
import io.github.metart.models.spec.HeadSpec;
import io.github.metart.models.spec.ModelSpec;
import io.github.metart.models.summary.ModelSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code metart models}: lists the architectures, one line each: the name {@code summary} and
 * {@code train --model} accept, the layout, and the parameter count of the reference layout at 1000
 * classes and 224 px (counted without allocating weights).
 */
@Command(
    name = "models",
    header = "List the architectures.",
    mixinStandardHelpOptions = true,
    description = {
      "List the architectures: name, layout and trainable parameters of the reference layout",
      "(1000 classes, 224 px). Names ending in _bn add batch normalization."
    })
final class ModelsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    List<String[]> rows = new ArrayList<>();
    for (String name : MetModels.names()) {
      ModelSpec model = MetModels.named(name).spec(HeadSpec.classifier(1000));
      String layout = model.architecture().layout() + (name.endsWith("_bn") ? ", batch norm" : "");
      long parameters = ModelSummary.of(model).parameters();
      rows.add(new String[] {name, layout, String.format(Locale.ROOT, "%,d", parameters)});
    }
    int nameWidth = rows.stream().mapToInt(r -> r[0].length()).max().orElse(4);
    int layoutWidth = rows.stream().mapToInt(r -> r[1].length()).max().orElse(6);
    String format = "%-" + nameWidth + "s  %-" + layoutWidth + "s  %14s%n";
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, format, "name", "layout", "parameters");
    for (String[] row : rows) {
      out.printf(Locale.ROOT, format, (Object[]) row);
    }
    out.flush();
  }
}
