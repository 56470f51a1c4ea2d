package stepwise.cas;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.matheclipse.core.eval.EvalEngine;

/**
 * Runs CAS work on a thread that can be abandoned. Symja stops at its own checkpoints when
 * asked ({@link Cas#withDeadline}), but some of its work never looks (a 300-million-bit
 * binomial, apfloat's Gamma far out): the caller waits for the work only until its limit, then
 * goes on and leaves the worker behind (a daemon thread: it cannot keep the process alive).
 * The worker sees the caller's thread-local context (the user's symbols) while the caller waits.
 */
public final class Worker {
  private static final long STACK_BYTES = 64L << 20; // deep expressions recurse: as -Xss in the launcher and more
  private static final List<ThreadLocal<Object>> CARRIED = new CopyOnWriteArrayList<>();
  private static final ThreadLocal<ExecutorService> OWN = new ThreadLocal<>();
  private static final ThreadLocal<Boolean> INSIDE = new ThreadLocal<>();

  private Worker() {}

  /** Thread-local state that work on a worker must see as its caller's (registered once, at class set-up). */
  @SuppressWarnings("unchecked")
  public static void carry(ThreadLocal<?> local) {
    CARRIED.add((ThreadLocal<Object>) local);
  }

  /** Whether the calling thread is already a worker doing guarded work. */
  public static boolean inside() {
    return INSIDE.get() != null;
  }

  /**
   * The result of work, run on this thread's worker; {@link Abandoned} if it has not finished
   * within the limit. Called from inside guarded work, it simply runs the work.
   */
  public static <T> T call(Duration limit, Supplier<T> work) {
    if (inside()) {
      return work.get();
    }
    Object[] context = new Object[CARRIED.size()];
    for (int i = 0; i < context.length; i++) {
      context[i] = CARRIED.get(i).get();
    }
    AtomicReference<EvalEngine> engine = new AtomicReference<>();
    ExecutorService executor = executor();
    Future<T> future = executor.submit(() -> {
      for (int i = 0; i < context.length; i++) {
        CARRIED.get(i).set(context[i]);
      }
      INSIDE.set(Boolean.TRUE);
      engine.set(Cas.engine());
      try {
        return work.get();
      } finally {
        INSIDE.remove();
        for (int i = 0; i < context.length; i++) {
          CARRIED.get(i).remove();
        }
      }
    });
    try {
      return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      EvalEngine stuck = engine.get();
      if (stuck != null) {
        stuck.setStopRequested(true);
      }
      future.cancel(true);
      executor.shutdownNow();
      OWN.remove(); // the next call gets a fresh worker; this one finishes (or not) on its own
      throw new Abandoned();
    } catch (InterruptedException e) { // the caller is cancelled: stop the work as at a time limit
      Thread.currentThread().interrupt();
      EvalEngine stuck = engine.get();
      if (stuck != null) {
        stuck.setStopRequested(true);
      }
      future.cancel(true);
      executor.shutdownNow();
      OWN.remove();
      throw new Abandoned();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  private static ExecutorService executor() {
    ExecutorService executor = OWN.get();
    if (executor == null) {
      executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(null, r, "stepwise-check", STACK_BYTES);
        t.setDaemon(true);
        return t;
      });
      OWN.set(executor);
    }
    return executor;
  }

  /** The work did not finish within its limit and was left behind. */
  public static final class Abandoned extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Abandoned() {
      super("time limit reached", null, false, false);
    }
  }
}
