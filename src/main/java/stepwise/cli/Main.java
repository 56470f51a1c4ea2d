package stepwise.cli;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The stepwise command. With no arguments it runs the main job: check every derivation in
 * derivations/ and render the teaching material into out/.
 */
@Command(name = "stepwise", mixinStandardHelpOptions = true, version = "stepwise 0.1.0",
    description = "Reproduces derivations rule by rule, verifies every step, and renders teaching material.",
    subcommands = {CheckCommand.class, RenderCommand.class, EquivCommand.class, RulesCommand.class, DeriveCommand.class,
        ServeCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:everything holds", "1:a step or claim is refuted or unknown", "2:bad input",
        "3:equiv only: undecided (unknown)"})
public final class Main implements java.util.concurrent.Callable<Integer> {
  /** Where commands write; UTF-8 whatever the platform default (tests may redirect them). */
  static PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
  static PrintStream ERR = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);

  public static void main(String[] args) {
    int code = runAsProcess(args);
    Timings.mark("exit");
    System.exit(code);
  }

  /** What main runs: a command line that will verify starts Symja on a second core at once. */
  static int runAsProcess(String[] args) {
    Timings.started();
    if (needsSymja(args)) {
      startSymjaInBackground();
    }
    return run(args);
  }

  /** Runs a command line with its output going to the given streams; returns the exit code. */
  public static synchronized int run(PrintStream out, PrintStream err, String... args) {
    PrintStream oldOut = OUT;
    PrintStream oldErr = ERR;
    OUT = out;
    ERR = err;
    try {
      return run(args);
    } finally {
      OUT = oldOut;
      ERR = oldErr;
    }
  }

  public static int run(String... args) {
    if (isPlainCheck(args)) {
      return plainCheck(args);
    }
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      for (String line : Main.class.getAnnotation(Command.class).version()) { // as picocli prints it, without its model
        OUT.println(line);
      }
      return 0;
    }
    CommandLine cli = new CommandLine(new Main());
    // formulas such as -Log(p) are arguments of equiv, not options; elsewhere an unknown option is an error
    cli.getSubcommands().get("equiv").setUnmatchedOptionsArePositionalParams(true);
    cli.setOut(new java.io.PrintWriter(OUT, true));
    cli.setErr(new java.io.PrintWriter(ERR, true));
    cli.setParameterExceptionHandler((e, arguments) -> { // one line, not the whole usage text
      String command = e.getCommandLine().getCommandName();
      ERR.println("error: " + e.getMessage() + " (stepwise " + (command.equals("stepwise") ? "" : command + " ")
          + "--help lists the options)");
      return 2;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      ERR.println("stepwise: internal error: " + e);
      e.printStackTrace(ERR);
      return 70;
    });
    Timings.mark("command-line model (picocli)");
    return cli.execute(optionsAfterCommand(args, cli.getSubcommands().keySet()));
  }

  /** The commands that verify (the main job too); --version, --help and rules do not start Symja. */
  private static final java.util.Set<String> VERIFYING = java.util.Set.of("check", "equiv", "render", "derive", "serve");

  /**
   * Whether the command line will need Symja: any that names a verifying command, or none (the
   * main job); not help, the version, or a plain check of a file that is not there.
   */
  static boolean needsSymja(String[] args) {
    if (args.length == 0) {
      return true;
    }
    if (isPlainCheck(args)) {
      for (int i = 1; i < args.length; i++) {
        if (!java.nio.file.Files.exists(Path.of(args[i]))) {
          return false;
        }
      }
      return true;
    }
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h") || arg.equals("--version") || arg.equals("-V")) {
        return false;
      }
    }
    for (String arg : args) {
      if (VERIFYING.contains(arg)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Symja's start-up (F.initSymbols, about a third of a second of CPU) on a second core while
   * this thread reads the command line and the files. The first use of Symja on this thread
   * waits for it (class initialisation); a run that stops early (bad input) does not.
   */
  private static void startSymjaInBackground() {
    Thread start = new Thread(null, stepwise.cas.Cas::start, "stepwise-symja-start", 8L << 20);
    start.setDaemon(true);
    start.start();
  }

  /**
   * check followed by files and folders only (no option, no @file): the common case, run
   * without building picocli's model. Picocli 4 is Java 5 bytecode, which neither a
   * class-data-sharing archive nor an AOT cache can hold, so building its model of every
   * command costs about 0.3 s of CPU in each run; the result is the same (CommandsTest).
   */
  static boolean isPlainCheck(String[] args) {
    if (args.length == 0 || !args[0].equals("check")) {
      return false;
    }
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.isEmpty() || arg.startsWith("-") || arg.startsWith("@")) {
        return false;
      }
      try {
        Path.of(arg);
      } catch (java.nio.file.InvalidPathException e) {
        return false; // picocli says what is wrong with it
      }
    }
    return true;
  }

  private static int plainCheck(String[] args) {
    List<Path> inputs = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      inputs.add(Path.of(args[i]));
    }
    try {
      return Job.run(inputs, new CheckOptions(), false, null);
    } catch (RuntimeException e) { // as picocli's execution exception handler below
      ERR.println("stepwise: internal error: " + e);
      e.printStackTrace(ERR);
      return 70;
    }
  }

  /**
   * stepwise --timeout 3 check ... means check --timeout 3 ...: options written before the
   * command are moved after it, so they reach the command instead of being dropped.
   */
  static String[] optionsAfterCommand(String[] args, java.util.Set<String> commands) {
    int command = -1;
    for (int i = 0; i < args.length && command < 0; i++) {
      if (commands.contains(args[i])) {
        command = i;
      } else if (!args[i].startsWith("-") && (i == 0 || !args[i - 1].startsWith("--"))) {
        return args; // a positional argument first: not an option prefix
      }
    }
    if (command <= 0) {
      return args;
    }
    String[] out = new String[args.length];
    out[0] = args[command];
    System.arraycopy(args, 0, out, 1, command);
    System.arraycopy(args, command + 1, out, command + 1, args.length - command - 1);
    return out;
  }

  @picocli.CommandLine.Mixin
  CheckOptions options = new CheckOptions();

  /** The main job: check everything in derivations/ and render it into out/. */
  @Override
  public Integer call() {
    return Job.run(java.util.List.of(), options, false,
        new Job.Render(java.nio.file.Path.of("out"), stepwise.model.Text.Language.EN, false));
  }
}
