package stepwise.cli;

import java.io.Console;
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
 * Anywhere else (a pipe, a file, a test) it prints nothing at all.
 */
final class Progress implements AutoCloseable {
  static final Progress SILENT = new Progress(null, null);
  private final ProgressBar bar;
  private final Object lock;

  private Progress(ProgressBar bar, Object lock) {
    this.bar = bar;
    this.lock = lock;
  }

  /** Whether a bar would be shown: a console, and stderr a terminal too. */
  static boolean shown() {
    return interactive(System.console()) && stderrIsTerminal();
  }

  /** A bar over total units of work (unknown when negative), or nothing when not {@link #shown}. */
  static Progress start(String task, long total) {
    return shown() ? drawnTo(task, total, new ConsoleProgressBarConsumer(Main.ERR)) : SILENT;
  }

  /** A bar drawn to the given consumer whatever the terminal (for tests of the drawing). */
  static Progress drawnTo(String task, long total, ProgressBarConsumer consumer) {
    Object lock = new Object();
    return new Progress(bar(task, total, consumer, lock), lock);
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
      Main.ERR.print("\r\u001b[K");
      Main.ERR.flush();
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
