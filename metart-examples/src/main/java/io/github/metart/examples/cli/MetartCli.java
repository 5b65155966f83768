package io.github.metart.examples.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code metart} command line: the entry point that {@code ./metart} runs.
 *
 * <p>Exit codes follow the contract: {@code 0} on success, {@code 2} for a usage error (unknown
 * command or option, missing argument) with a one-line reason on stderr, {@code 1} for a runtime
 * failure with a one-line message naming the file, line or object ({@code --verbose} adds the stack
 * trace).
 */
@Command(
    name = "metart",
    mixinStandardHelpOptions = true,
    versionProvider = MetartVersion.class,
    description = "Deep learning on the Met's Open Access collection.",
    subcommands = {
      DemoCommand.class,
      DoctorCommand.class,
      StatsCommand.class,
      NormalizeCommand.class,
      DownloadCommand.class,
      PrepareCommand.class,
      ModelsCommand.class,
      SummaryCommand.class,
      TrainCommand.class,
      EvaluateCommand.class,
      PredictCommand.class,
      ExperimentCommand.class,
      ClasspathCommand.class,
      io.github.metart.examples.bench.BenchCommand.class,
    })
public final class MetartCli implements Runnable {

  /** Exit code of a usage error: unknown command or option, missing or malformed argument. */
  public static final int EXIT_USAGE = 2;

  /** Exit code of a runtime failure: unreadable file, bad data, failed training. */
  public static final int EXIT_FAILURE = 1;

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--verbose",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print full stack traces on failure.")
  boolean verbose;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command");
  }

  /**
   * Runs the command line with the given arguments, writing to the given streams.
   *
   * @return the exit code
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = newCommandLine(out, err);
    return cli.execute(args);
  }

  /** Builds the configured picocli command line (exposed for tests and embedding). */
  public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new MetartCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(new OneLineUsageError());
    cli.setExecutionExceptionHandler(new OneLineFailure());
    cli.setExitCodeExceptionMapper(t -> t instanceof ParameterException ? EXIT_USAGE : EXIT_FAILURE);
    return cli;
  }

  /** Process entry point. */
  public static void main(String[] args) {
    DjlDefaults.applyOffline();
    // UTF-8 whatever the locale: normalize must echo raw Met text (CJK, en dashes) unchanged
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = execute(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Whether {@code --verbose} was given anywhere on the command line: before the command ({@code
   * metart --verbose train ...}) or after it ({@code metart train ... --verbose}). The option is
   * inherited by every command, so it is matched on the parse result of the level it was written
   * at: walk from the top-level result down to the command that ran.
   */
  static boolean verbose(ParseResult parsed) {
    for (ParseResult level = parsed; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  /** Usage errors: exactly one line on stderr, exit code 2. */
  private static final class OneLineUsageError implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
      CommandLine cmd = ex.getCommandLine();
      String name = cmd.getCommandSpec().qualifiedName();
      String message = oneLine(ex.getMessage());
      if (ex instanceof CommandLine.UnmatchedArgumentException unmatched
          && cmd.getParent() == null
          && !unmatched.getUnmatched().isEmpty()
          && !unmatched.getUnmatched().get(0).startsWith("-")) {
        message =
            "unknown command '"
                + unmatched.getUnmatched().get(0)
                + "'; the commands are "
                + String.join(", ", cmd.getSubcommands().keySet());
      }
      cmd.getErr().println(name + ": " + message + " (see '" + name + " --help')");
      cmd.getErr().flush();
      return EXIT_USAGE;
    }
  }

  /** Runtime failures: one line on stderr (stack trace with --verbose), exit code 1. */
  private static final class OneLineFailure implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
      if (ex instanceof ParameterException pe) {
        return new OneLineUsageError().handleParseException(pe, new String[0]);
      }
      PrintWriter err = cmd.getErr();
      err.println("metart: " + describe(ex));
      if (verbose(parsed)) {
        ex.printStackTrace(err);
      }
      err.flush();
      return EXIT_FAILURE;
    }
  }

  /**
   * A one-line description of a failure: its message, or its type when it has none. A file
   * system error whose message is only a path (Java's AccessDeniedException, NoSuchFileException,
   * ... say no more) is described with what is wrong with that path.
   */
  static String describe(Throwable t) {
    java.nio.file.FileSystemException fileProblem = pathOnly(t);
    if (fileProblem != null) {
      String what = fileProblemText(fileProblem);
      String outer = t.getMessage();
      // keep what the outer layers added, without repeating the bare path
      if (t != fileProblem && outer != null && !outer.isBlank() && !outer.strip().equals(fileProblem.getFile())) {
        return oneLine(outer.replace(": " + fileProblem.getFile(), "")) + ": " + what;
      }
      return what;
    }
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      Throwable cause = t.getCause();
      if (cause != null && cause != t) {
        return describe(cause);
      }
      return t.getClass().getSimpleName();
    }
    return oneLine(message);
  }

  /** The first file system error in the cause chain that gives no reason, or null. */
  private static java.nio.file.FileSystemException pathOnly(Throwable t) {
    for (Throwable cause = t; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof java.nio.file.FileSystemException problem && problem.getReason() == null) {
        return problem;
      }
    }
    return null;
  }

  private static String fileProblemText(java.nio.file.FileSystemException problem) {
    String file = problem.getFile();
    String other = problem.getOtherFile() == null ? "" : " (" + problem.getOtherFile() + ")";
    String reason;
    if (problem instanceof java.nio.file.AccessDeniedException) {
      reason = "permission denied";
    } else if (problem instanceof java.nio.file.NoSuchFileException) {
      reason = "no such file or folder";
    } else if (problem instanceof java.nio.file.FileAlreadyExistsException) {
      reason = "already exists";
    } else if (problem instanceof java.nio.file.NotDirectoryException) {
      reason = "is not a folder";
    } else if (problem instanceof java.nio.file.DirectoryNotEmptyException) {
      reason = "is a folder that is not empty";
    } else if (problem instanceof java.nio.file.NotLinkException) {
      reason = "is not a symbolic link";
    } else {
      reason = problem.getClass().getSimpleName().replace("Exception", "").toLowerCase(java.util.Locale.ROOT);
    }
    return file + other + ": " + reason;
  }

  private static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    return text.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
