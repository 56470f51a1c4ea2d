package stepwise.cli;

import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar with an estimate on stderr for long runs (a batch, several derivations,
 * rendering), shown only when a person watches: on an interactive terminal with stderr on it.
 * Anywhere else (a pipe, a file, a test) it prints nothing at all. When the background server
 * runs the command, the terminal is the client's: the server says so with {@link #drawOn}.
 */
final class Progress implements AutoCloseable {
  static final Progress SILENT = new Progress(null, null, null);
  /** The client's terminal while the background server runs a command for it; null in a plain run. */
  private static volatile ClientTerminal client;
  private final ProgressBar bar;
  private final Object lock;
  /** Where the bar is drawn, and its line cleared before a line of output. */
  private final PrintStream screen;

  /** A client's terminal as the server reaches it: its stderr stream, unbuffered, and its width in columns. */
  record ClientTerminal(PrintStream screen, int width) {}

  private Progress(ProgressBar bar, Object lock, PrintStream screen) {
    this.bar = bar;
    this.lock = lock;
    this.screen = screen;
  }

  /** Set by the background server around a command whose client watches a terminal (null after it). */
  static void drawOn(ClientTerminal terminal) {
    client = terminal;
  }

  /** Whether a bar would be shown: a console, and stderr a terminal too (the client's, when served). */
  static boolean shown() {
    return client != null || interactive(System.console()) && stderrIsTerminal();
  }

  /** A bar over total units of work (unknown when negative), or nothing when not {@link #shown}. */
  static Progress start(String task, long total) {
    ClientTerminal served = client;
    if (served != null) {
      return drawnTo(task, total, new ConsoleProgressBarConsumer(served.screen(), served.width()), served.screen());
    }
    return shown() ? drawnTo(task, total, new ConsoleProgressBarConsumer(Main.ERR), Main.ERR) : SILENT;
  }

  /** A bar drawn to the given consumer whatever the terminal (for tests of the drawing). */
  static Progress drawnTo(String task, long total, ProgressBarConsumer consumer) {
    return drawnTo(task, total, consumer, Main.ERR);
  }

  private static Progress drawnTo(String task, long total, ProgressBarConsumer consumer, PrintStream screen) {
    Object lock = new Object();
    return new Progress(bar(task, total, consumer, lock), lock, screen);
  }

  private static ProgressBar bar(String task, long total, ProgressBarConsumer consumer, Object lock) {
    ProgressBarConsumer guarded = new ProgressBarConsumer() { // the bar redraws from its own thread
      @Override
      public int getMaxRenderedLength() {
        return consumer.getMaxRenderedLength();
      }

      @Override
      public void accept(String rendered) {
        synchronized (lock) {
          consumer.accept(rendered);
        }
      }

      @Override
      public void close() {
        // not the consumer's close: it ends the (already cleared) bar line with a newline, a blank line on screen
      }
    };
    return new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250).continuousUpdate().setConsumer(guarded).clearDisplayOnFinish().build();
  }

  void step() {
    if (bar != null) {
      bar.step();
    }
  }

  /** Prints a line of output; on a terminal the bar's line is cleared first so the two do not mix. */
  void println(String line) {
    if (bar == null) {
      Main.OUT.println(line);
      return;
    }
    synchronized (lock) {
      screen.print("\r\u001b[K");
      screen.flush();
      Main.OUT.println(line);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }

  /** Java 22+ returns a Console even when redirected; there Console.isTerminal() tells. */
  private static boolean interactive(Console console) {
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // Java 17-21: a console exists only on a terminal
    }
  }

  private static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception e) {
      return false; // no /proc (not Linux): no bar rather than stray codes in a file
    }
  }
}
