package stepwise.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Trees;
import stepwise.expr.UserSymbols;
import stepwise.load.DerivationLoader;
import stepwise.model.Claim;
import stepwise.model.Derivation;
import stepwise.model.Domains;
import stepwise.model.InputError;
import stepwise.model.Operand;
import stepwise.model.Relation;
import stepwise.model.Source;
import stepwise.rewrite.Rewriter;
import stepwise.rewrite.Rewritten;
import stepwise.rewrite.RewrittenStep;
import stepwise.rules.Catalogue;
import stepwise.verify.Finding;
import stepwise.verify.Settings;
import stepwise.verify.Status;
import stepwise.verify.StepVerdict;
import stepwise.verify.Verifier;

/**
 * load -> rewrite -> verify for a set of derivation files, then the claims between them. Every
 * file is loaded before anything is checked, so bad input stops the run with no partial
 * output. A derivation or claim that refers to another derivation brings that file in too.
 */
public final class Pipeline {
  private final Catalogue catalogue;
  private final Settings settings;
  private final VerdictCache cache; // null: every check is computed
  private final int threads;

  public Pipeline(Catalogue catalogue, Settings settings) {
    this(catalogue, settings, null);
  }

  /** A pipeline that takes verdicts of unchanged steps and claims from the cache (check --watch). */
  public Pipeline(Catalogue catalogue, Settings settings, VerdictCache cache) {
    this(catalogue, settings, cache, 1);
  }

  private Pipeline(Catalogue catalogue, Settings settings, VerdictCache cache, int threads) {
    this.catalogue = catalogue;
    this.settings = settings;
    this.cache = cache;
    this.threads = threads;
  }

  /**
   * The same pipeline verifying steps on the given number of threads (the command line: one per
   * core). The report is the same as a one-thread run's, in the same order; a pipeline with a
   * verdict cache stays on one thread.
   */
  public Pipeline onThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    return new Pipeline(catalogue, settings, cache, threads);
  }

  int threads() {
    return threads;
  }

  /** Steps that helper threads have verified in this JVM. */
  static int stepsVerifiedByHelpers() {
    return SharedSteps.HELPED.get();
  }

  /** Loads the files and the derivations they refer to; throws InputErrors listing every problem. */
  public List<Derivation> load(List<Path> files) {
    DerivationLoader loader = new DerivationLoader(catalogue);
    Map<String, Derivation> byId = new LinkedHashMap<>();
    List<InputError> errors = new ArrayList<>();
    List<Path> queue = new ArrayList<>(files);
    Set<Path> seen = new HashSet<>();
    Set<String> unloaded = new HashSet<>(); // files that failed to load: their own error says why
    for (int i = 0; i < queue.size(); i++) {
      Path file = queue.get(i).toAbsolutePath().normalize();
      if (!seen.add(file)) {
        continue;
      }
      try {
        Derivation d = loader.load(relative(file));
        Derivation clash = byId.putIfAbsent(d.id(), d);
        if (clash != null) {
          throw new InputError(d.source(), "two files define derivation " + d.id() + " (the other is " + clash.file() + ")");
        }
        for (Reference ref : references(d)) {
          Path sibling = file.resolveSibling(ref.id() + ".yaml");
          if (Files.isRegularFile(sibling)) {
            queue.add(sibling);
          }
        }
      } catch (InputError e) {
        errors.add(e);
        unloaded.add(file.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
      }
    }
    Map<String, Derivation> claimNames = new LinkedHashMap<>();
    for (Derivation d : byId.values()) {
      for (Claim c : d.claims()) {
        Derivation other = claimNames.putIfAbsent(c.id(), d);
        if (other != null) {
          errors.add(new InputError(c.source(), "claim " + c.id() + " is also named in " + other.file()
              + ": claim names must be unique"));
        }
      }
      for (Reference ref : references(d)) {
        if (!byId.containsKey(ref.id()) && !unloaded.contains(ref.id())) {
          errors.add(new InputError(ref.source(), "refers to derivation '" + ref.id() + "', which is not found"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InputErrors(errors);
    }
    return order(new ArrayList<>(byId.values()));
  }

  private static Path relative(Path file) {
    Path here = Path.of("").toAbsolutePath();
    return file.startsWith(here) ? here.relativize(file) : file;
  }

  /** A derivation named by another, and where (so an error points at the from:, not at line 1). */
  private record Reference(String id, Source source) {}

  private static List<Reference> references(Derivation d) {
    List<Reference> out = new ArrayList<>();
    if (d.start() != null && d.start().continues() != null) {
      out.add(new Reference(d.start().continues(), d.start().source()));
    }
    for (Claim c : d.claims()) {
      for (Operand o : new Operand[] {c.left(), c.right()}) {
        if (o instanceof Operand.ResultOf r) {
          out.add(new Reference(r.derivation(), c.source()));
        }
      }
      if (c.by() != null) {
        out.add(new Reference(c.by(), c.source()));
      }
    }
    return out;
  }

  /** Derivations that others continue come first; a cycle is an error. */
  private static List<Derivation> order(List<Derivation> all) {
    Map<String, Derivation> byId = new LinkedHashMap<>();
    all.forEach(d -> byId.put(d.id(), d));
    List<Derivation> out = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (Derivation d : all) {
      visit(d, byId, done, new HashSet<>(), out);
    }
    return out;
  }

  private static void visit(Derivation d, Map<String, Derivation> byId, Set<String> done, Set<String> active,
      List<Derivation> out) {
    if (done.contains(d.id())) {
      return;
    }
    if (!active.add(d.id())) {
      throw new InputErrors(List.of(new InputError(d.source(), "derivations continue one another in a cycle through " + d.id())));
    }
    if (d.start() != null && d.start().continues() != null) {
      visit(byId.get(d.start().continues()), byId, done, active, out);
    }
    active.remove(d.id());
    done.add(d.id());
    out.add(d);
  }

  public Report check(List<Derivation> derivations) {
    return check(derivations, () -> {});
  }

  /** The units of work check reports to its progress listener: one per derivation and one per claim. */
  public static int work(List<Derivation> derivations) {
    return derivations.size() + derivations.stream().mapToInt(d -> d.claims().size()).sum();
  }

  /** Checks, telling progress after each derivation and each claim (a progress bar listens). */
  public Report check(List<Derivation> derivations, Runnable progress) {
    Verifier verifier = new Verifier(catalogue, settings);
    Map<String, DerivationResult> results = new LinkedHashMap<>();
    if (threads > 1 && cache == null) {
      SharedSteps.verify(this, derivations, verifier, results, progress);
    } else {
      Map<String, Prepared> prepared = new HashMap<>();
      for (Derivation d : derivations) {
        Prepared p = prepare(d, prepared);
        prepared.put(d.id(), p);
        List<StepVerdict> verdicts = new ArrayList<>();
        if (p.result() == null) {
          for (RewrittenStep step : p.rewritten().steps()) {
            verdicts.add(cache == null ? verifier.verify(step) : cache.step(settings, step, () -> verifier.verify(step)));
          }
        }
        results.put(d.id(), finish(p, verdicts));
        progress.run();
      }
    }
    List<ClaimResult> claims = new ArrayList<>();
    for (Derivation d : derivations) {
      for (Claim c : d.claims()) {
        claims.add(checkClaim(c, results, verifier));
        progress.run();
      }
    }
    return new Report(new ArrayList<>(results.values()), claims);
  }

  /**
   * A derivation rewritten by its rules, its steps not verified yet; or, when there is nothing
   * to verify (no steps, or the derivation it continues has no usable result), its result.
   */
  record Prepared(Derivation derivation, Rewritten rewritten, DerivationResult result) {}

  /** Finds the auto steps and rewrites; needs the derivations it continues prepared first. */
  Prepared prepare(Derivation d, Map<String, Prepared> done) {
    if (!d.hasSteps()) {
      return new Prepared(d, null, new DerivationResult(d, null, List.of(), Status.PROVED, true, null));
    }
    IExpr start = d.start().expr();
    if (d.start().continues() != null) {
      Prepared previous = done.get(d.start().continues());
      Rewritten before = previous.result() != null ? previous.result().rewritten() : previous.rewritten();
      start = before == null ? null : before.end();
      String missing = start == null ? null : undeclared(start, d.domains(), d);
      if (start == null || missing != null) {
        String problem = start == null ? "the derivation it continues, " + d.start().continues() + ", has no result"
            : "the result of " + d.start().continues() + " uses " + missing + ", which this file does not declare";
        return new Prepared(d, null, new DerivationResult(d, null, List.of(), Status.UNKNOWN, false, problem));
      }
    }
    d = StepFinder.installed().fill(d, start, catalogue, settings); // rule: auto and goal: steps found, then checked like the rest
    return new Prepared(d, new Rewriter().run(d, start), null);
  }

  /** The derivation's result from its steps' verdicts. */
  static DerivationResult finish(Prepared p, List<StepVerdict> verdicts) {
    if (p.result() != null) {
      return p.result();
    }
    Derivation d = p.derivation();
    Rewritten rewritten = p.rewritten();
    Status status = Status.combine(verdicts.stream().map(StepVerdict::status).toList());
    String problem = rewritten.relationError();
    boolean anyRefuted = verdicts.stream().anyMatch(v -> v.status() == Status.REFUTED);
    boolean passes = d.expectFailure() ? anyRefuted : problem == null && status.holds();
    return new DerivationResult(d, rewritten, verdicts, problem != null && status.holds() ? Status.UNKNOWN : status,
        passes, problem);
  }

  Catalogue catalogue() {
    return catalogue;
  }

  Settings settings() {
    return settings;
  }

  /** The first user symbol of expr that the derivation does not declare, or null. */
  private static String undeclared(IExpr expr, Domains domains, Derivation d) {
    for (ISymbol s : Trees.symbols(expr)) {
      if (UserSymbols.isUser(s) && !domains.isDeclared(s) && !d.symbols().containsKey(s.getSymbolName())
          && !isBoundIndex(expr, s)) {
        return s.getSymbolName();
      }
    }
    return null;
  }

  private static boolean isBoundIndex(IExpr expr, ISymbol s) {
    return Trees.contains(expr, e -> stepwise.rules.Places.iterationOf(e) != null
        && stepwise.rules.Places.iterationOf(e).index().equals(s));
  }

  private ClaimResult checkClaim(Claim c, Map<String, DerivationResult> results, Verifier verifier) {
    IExpr left;
    IExpr right;
    try {
      left = resolve(c.left(), results, c);
      right = c.right() == null ? null : resolve(c.right(), results, c);
    } catch (InputError e) {
      Finding f = new Finding(c.id(), Status.UNKNOWN, "", 0, 0, null, e.getMessage(), List.of());
      return new ClaimResult(c, null, null, f, false);
    }
    DerivationResult proof = c.by() == null ? null : results.get(c.by());
    Finding finding = cache == null ? ClaimChecks.check(c, left, right, verifier, proof)
        : cache.claim(settings, c, left, right, proof, () -> ClaimChecks.check(c, left, right, verifier, proof));
    boolean passes = c.expectFailure() ? finding.status() == Status.REFUTED : finding.status().holds();
    return new ClaimResult(c, left, right, finding, passes);
  }

  private static IExpr resolve(Operand o, Map<String, DerivationResult> results, Claim c) {
    if (o instanceof Operand.Expression e) {
      return e.expr();
    }
    Operand.ResultOf r = (Operand.ResultOf) o;
    DerivationResult result = results.get(r.derivation());
    if (result == null || result.rewritten() == null) {
      throw new InputError(c.source(), r.describe() + " is not available: " + (result == null ? "no such derivation"
          : result.problem()));
    }
    IExpr value = r.label() == null ? result.rewritten().end() : result.rewritten().resultOf(r.label());
    if (value == null) {
      throw new InputError(c.source(), r.describe() + ": no step is named " + r.label());
    }
    String missing = undeclared(value, c.domains(), result.derivation());
    if (missing != null && !c.domains().isDeclared(UserSymbols.named(missing))) {
      throw new InputError(c.source(), r.describe() + " uses " + missing + ", which the claim's file does not declare");
    }
    return value;
  }

  static String print(IExpr e) {
    return e == null ? "" : ExprPrinter.print(e);
  }



  /**
   * Steps verified on several threads. Symja expressions must not be shared between threads
   * (user symbols belong to one thread, and Sum assigns its index inside the symbol), so each
   * helper thread loads the derivation files again with symbols of its own, rewrites them
   * (cheap, deterministic), and takes the next unclaimed step from a shared counter. A verdict
   * holds only text and numbers, so it passes between threads as it is. A helper's step is used
   * only when its content key (the one check --watch caches verdicts under: everything the
   * check reads) equals the caller's; anything a helper cannot do (its load fails, a key
   * differs, its check throws) the calling thread does itself, so the report is the one-thread
   * report whatever happens.
   */
  private static final class SharedSteps {
    /** Steps verified by helper threads in this JVM (tests ask it: a parallel run really shared its work). */
    static final AtomicInteger HELPED = new AtomicInteger();

    private final AtomicInteger next = new AtomicInteger();
    private final List<CompletableFuture<StepVerdict>> verdicts = new ArrayList<>();
    private final CompletableFuture<List<String>> keys = new CompletableFuture<>();

    private SharedSteps(int steps) {
      for (int i = 0; i < steps; i++) {
        verdicts.add(new CompletableFuture<>());
      }
    }

    /** The next unclaimed step, or -1. */
    private int claim() {
      int i = next.getAndIncrement();
      return i < verdicts.size() ? i : -1;
    }

    static void verify(Pipeline pipeline, List<Derivation> derivations, Verifier verifier,
        Map<String, DerivationResult> results, Runnable progress) {
      List<Path> files = derivations.stream().map(Derivation::file).toList();
      List<String> ids = derivations.stream().map(Derivation::id).toList();
      // the helpers start at once: their loading overlaps this thread's rewriting
      CompletableFuture<SharedSteps> board = new CompletableFuture<>();
      for (int t = 1; t < pipeline.threads(); t++) {
        Thread helper = new Thread(null, () -> help(pipeline, files, ids, board), "stepwise-steps-" + t, 16L << 20);
        helper.setDaemon(true);
        helper.start();
      }
      List<Prepared> prepared = prepareAll(pipeline, derivations);
      List<RewrittenStep> steps = steps(prepared);
      SharedSteps shared = new SharedSteps(steps.size());
      board.complete(shared);
      shared.keys.complete(keys(pipeline.settings(), steps));
      for (int i = shared.claim(); i >= 0; i = shared.claim()) {
        shared.verdicts.get(i).complete(verifier.verify(steps.get(i)));
      }
      int i = 0;
      for (Prepared p : prepared) {
        List<StepVerdict> mine = new ArrayList<>();
        int count = p.result() == null ? p.rewritten().steps().size() : 0;
        for (int k = 0; k < count; k++, i++) {
          StepVerdict verdict;
          try {
            verdict = shared.verdicts.get(i).join(); // a helper's check keeps its own deadline: bounded
          } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            verdict = verifier.verify(steps.get(i)); // the helper could not: as a one-thread run would
          }
          mine.add(verdict);
        }
        results.put(p.derivation().id(), finish(p, mine));
        progress.run();
      }
    }

    private static List<Prepared> prepareAll(Pipeline pipeline, List<Derivation> derivations) {
      Map<String, Prepared> done = new HashMap<>();
      List<Prepared> out = new ArrayList<>();
      for (Derivation d : derivations) {
        Prepared p = pipeline.prepare(d, done);
        done.put(d.id(), p);
        out.add(p);
      }
      return out;
    }

    private static List<RewrittenStep> steps(List<Prepared> prepared) {
      List<RewrittenStep> out = new ArrayList<>();
      for (Prepared p : prepared) {
        if (p.result() == null) {
          out.addAll(p.rewritten().steps());
        }
      }
      return out;
    }

    /** What a step's verdict depends on, as check --watch keys it (null: no exact written form). */
    private static List<String> keys(Settings settings, List<RewrittenStep> steps) {
      List<String> out = new ArrayList<>();
      for (RewrittenStep step : steps) {
        // the parts VerdictCache.step keys a step's verdict by
        out.add(VerdictCache.key("step", settings, step.reached(), step.failure(), step.rewrite(), step.spec().rule(),
            step.spec().expect(), step.domains()));
      }
      return out;
    }

    /** A helper thread: its own symbols, its own copy of the derivations, the steps it claims. */
    private static void help(Pipeline pipeline, List<Path> files, List<String> ids, CompletableFuture<SharedSteps> board) {
      List<RewrittenStep> steps;
      SharedSteps shared;
      List<String> theirs;
      try {
        Map<String, Derivation> byId = new HashMap<>();
        for (Derivation d : pipeline.load(files)) {
          byId.put(d.id(), d);
        }
        List<Derivation> copy = new ArrayList<>();
        for (String id : ids) {
          Derivation d = byId.get(id);
          if (d == null) {
            return;
          }
          copy.add(d);
        }
        steps = steps(prepareAll(pipeline, copy));
        shared = board.join();
        theirs = shared.keys.join();
      } catch (RuntimeException | Error e) {
        return; // the calling thread verifies every step itself
      }
      List<String> mine = keys(pipeline.settings(), steps);
      if (!mine.equals(theirs) || mine.contains(null)) {
        return; // the files changed under us, or a step has no exact key: leave them all to the caller
      }
      Verifier verifier = new Verifier(pipeline.catalogue(), pipeline.settings());
      for (int i = shared.claim(); i >= 0; i = shared.claim()) {
        try {
          shared.verdicts.get(i).complete(verifier.verify(steps.get(i)));
          HELPED.incrementAndGet();
        } catch (RuntimeException | Error e) {
          shared.verdicts.get(i).completeExceptionally(e);
        }
      }
    }
  }
}
