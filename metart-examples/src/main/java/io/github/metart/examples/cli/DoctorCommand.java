package io.github.metart.examples.cli;

import io.github.metart.examples.doctor.Doctor;
import io.github.metart.examples.doctor.DoctorReport;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code metart doctor}: pre-flight checks, one line each with OK, WARN or FAIL and a fix under
 * every problem. Exits 0 when nothing failed, 1 otherwise.
 */
@Command(
    name = "doctor",
    header = "Pre-flight checks (Java, engine, GPUs, disk, caches), each problem with its fix.",
    mixinStandardHelpOptions = true,
    description = {
      "Pre-flight checks: Java, the PyTorch engine and its native library (offline), GPUs and CUDA,",
      "disk space, the DJL cache, headless charts, the output folder and (with --data) a prepared",
      "data folder. Each line says OK, WARN or FAIL; every problem comes with its fix.",
      "Exit code 0 when nothing failed, 1 otherwise."
    })
final class DoctorCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "The folder metart will write to: free space and writability (default: the current folder).")
  Path directory = Path.of(".");

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "A folder written by 'metart prepare --out DIR' to inspect.")
  Path data;

  @Override
  public Integer call() {
    DoctorReport report = Doctor.run(Doctor.standardChecks(directory, Optional.ofNullable(data)));
    spec.commandLine().getOut().print(report.format());
    spec.commandLine().getOut().flush();
    if (report.failed()) {
      spec.commandLine()
          .getErr()
          .println(
              "metart: doctor: "
                  + report.failures().size()
                  + (report.failures().size() == 1 ? " check failed: " : " checks failed: ")
                  + String.join(", ", report.failures())
                  + " (see the fix under each)");
      return MetartCli.EXIT_FAILURE;
    }
    return 0;
  }
}
