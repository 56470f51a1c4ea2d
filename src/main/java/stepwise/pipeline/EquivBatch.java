package stepwise.pipeline;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import stepwise.load.TextFiles;
import stepwise.verify.Status;

/**
 * A batch of pair lines checked on several threads, each pair under its own deadline (every
 * thread checks on its own worker, see {@link stepwise.cas.Worker}). The input is streamed and
 * at most a small window of pairs is in flight, so memory does not grow with the batch; the
 * verdicts are handed on in line order as soon as each one and all before it are done, so the
 * output is the same whatever the number of threads.
 */
public final class EquivBatch {
  private static final long STACK_BYTES = 16L << 20; // parsing deep input recurses, as -Xss in the launcher
  private final EquivLine checker;
  private final int jobs;

  /** How many verdicts of each kind, and how many lines were bad input. */
  public static final class Totals {
    private final Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
    private int bad;
    private int pairs;

    void add(EquivLine.Verdict v) {
      pairs++;
      if (v.badInput()) {
        bad++;
      } else {
        byStatus.merge(v.status(), 1, Integer::sum);
      }
    }

    public int pairs() {
      return pairs;
    }

    public int bad() {
      return bad;
    }

    public int count(Status s) {
      return byStatus.getOrDefault(s, 0);
    }

    /** "N pairs: a proved, b confirmed numerically, ..., k bad input", as equiv --batch ends. */
    public String describe() {
      StringBuilder total = new StringBuilder(pairs + " pairs:");
      for (Status s : Status.values()) {
        total.append(' ').append(count(s)).append(' ').append(s.words()).append(',');
      }
      return total.append(' ').append(bad).append(" bad input").toString();
    }
  }

  public EquivBatch(EquivLine checker, int jobs) {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1");
    }
    this.checker = checker;
    this.jobs = jobs;
  }

  /** Hears how many pairs a batch has, then each verdict in line order. */
  public interface Listener {
    /** Before the first check: the number of pairs, or -1 for a stream (a pipe), which is not read ahead. */
    default void started(int pairs) {}

    void verdict(EquivLine.Verdict verdict);
  }

  /** Checks every pair line of the file and hands each verdict to out, in line order. */
  public Totals run(Path file, Consumer<EquivLine.Verdict> out) {
    Listener listener = out::accept;
    return run(file, listener);
  }

  /**
   * Checks every pair line of the file and tells the listener each verdict, in line order. Bad
   * input in a line is a verdict. A file whose text is bad (not UTF-8, a NUL byte, a line or the
   * file too long) is an InputError before anything is checked: a regular file is read through
   * once first for that (a quick pass that keeps nothing but the count of pairs); a stream is read
   * once only, and there the error comes after the verdicts of the lines before it.
   */
  public Totals run(Path file, Listener listener) {
    listener.started(readThrough(file));
    stepwise.verify.Verifier.prepareForMany();
    Totals totals = new Totals();
    int window = jobs * 4;
    Deque<Future<EquivLine.Verdict>> inFlight = new ArrayDeque<>(window);
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
      Thread t = new Thread(null, r, "stepwise-batch-" + threads.incrementAndGet(), STACK_BYTES);
      t.setDaemon(true);
      return t;
    });
    Consumer<EquivLine.Verdict> deliver = v -> {
      totals.add(v);
      listener.verdict(v);
    };
    try {
      try {
        TextFiles.eachLine(file, (number, line) -> {
          if (!EquivLine.isPair(line)) {
            return;
          }
          inFlight.add(pool.submit(() -> checker.check(line, file, number)));
          while (!inFlight.isEmpty() && (inFlight.size() >= window || inFlight.peek().isDone())) {
            deliver.accept(result(inFlight.poll()));
          }
        });
      } finally {
        while (!inFlight.isEmpty()) { // also before a read error in a stream: the lines above it are answered
          deliver.accept(result(inFlight.poll()));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return totals;
  }

  /** The pairs in a regular file, its text checked all through; -1 for a stream, which is not read ahead. */
  private static int readThrough(Path file) {
    if (TextFiles.classify(file, true) != TextFiles.Kind.FILE) {
      return -1;
    }
    AtomicInteger pairs = new AtomicInteger();
    TextFiles.eachLine(file, (number, line) -> {
      if (EquivLine.isPair(line)) {
        pairs.incrementAndGet();
      }
    });
    return pairs.get();
  }

  private static EquivLine.Verdict result(Future<EquivLine.Verdict> future) {
    try {
      return future.get(); // each check keeps its own deadline on its worker: this wait is bounded
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a check", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
