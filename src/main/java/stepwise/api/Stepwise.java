package stepwise.api;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import stepwise.cas.Cas;
import stepwise.expr.ExprPrinter;
import stepwise.expr.UserSymbols;
import stepwise.latex.LatexInput;
import stepwise.latex.LatexVocabulary;
import stepwise.load.CatalogueLoader;
import stepwise.load.DerivationLoader;
import stepwise.load.Limits;
import stepwise.load.TextFiles;
import stepwise.model.Claim;
import stepwise.model.Derivation;
import stepwise.model.InputError;
import stepwise.model.Operand;
import stepwise.model.Source;
import stepwise.pipeline.ClaimResult;
import stepwise.pipeline.DerivationResult;
import stepwise.pipeline.Equivalence;
import stepwise.pipeline.InputErrors;
import stepwise.pipeline.Inputs;
import stepwise.pipeline.Pipeline;
import stepwise.pipeline.Report;
import stepwise.rewrite.RewrittenStep;
import stepwise.rules.Catalogue;
import stepwise.verify.Finding;
import stepwise.verify.StepVerdict;

/**
 * Stepwise from Java: is one formula equal to another, and does a derivation hold.
 *
 * <pre>{@code
 * Verdict v = Stepwise.equiv("Log(x*y)", "Log(x) + Log(y)", "x > 0 && y > 0", Options.DEFAULT);
 * v.status();                      // PROVED
 * CheckReport r = Stepwise.check(Path.of("derivations/bce-from-likelihood.yaml"), Options.DEFAULT);
 * r.derivations().get(0).steps();  // one verdict per step
 * }</pre>
 *
 * <p>Every method may be called from any number of threads at once. Each call parses its input
 * into symbols of its own and runs each check on a worker thread of the calling thread, with
 * that thread's own Symja engine, under the check's own deadline; the rule catalogue is shared
 * read-only. Bad input throws {@link BadInputException} (with file, line and column where known)
 * before anything is checked; a verdict is never an error in disguise.
 */
public final class Stepwise {
  /** Extra catalogues by file, size and time (a changed file is read again); a few at most. */
  private static final Map<List<String>, Catalogue> CATALOGUES = new ConcurrentHashMap<>();
  private static final int MAX_CACHED_CATALOGUES = 16;

  private Stepwise() {}

  /** Whether lhs = rhs for every value of the variables (complex where no assumption says otherwise). */
  public static Verdict equiv(String lhs, String rhs) {
    return equiv(lhs, rhs, null, Options.DEFAULT);
  }

  /**
   * Whether lhs = rhs under the assumptions.
   *
   * @param assumptions e.g. "x > 0 && 0 < p < 1 && Element(n, Integers)"; null, "" or "True" for none.
   *     With {@link Options#latex()} they may also be LaTeX ("x > 0, n \in \mathbb{Z}")
   * @throws BadInputException if a side or the assumptions do not parse (the message names which, and the column)
   */
  public static Verdict equiv(String lhs, String rhs, String assumptions, Options options) {
    Options o = options == null ? Options.DEFAULT : options;
    if (lhs == null || rhs == null) {
      throw BadInputException.of(new InputError(null, (lhs == null ? "the left side" : "the right side") + " is missing"));
    }
    return call(() -> {
      Equivalence equivalence = new Equivalence(catalogue(o.rules()), o.settings());
      return Verdict.of(equivalence.check(question(lhs, rhs, assumptions, o, equivalence)));
    });
  }

  /**
   * Reads an equivalence question without checking it (fast: no algebra): throws the
   * BadInputException that {@link #equiv(String, String, String, Options)} would throw, else
   * returns. For callers that want to refuse bad input before queueing the check.
   */
  public static void validateEquiv(String lhs, String rhs, String assumptions, Options options) {
    Options o = options == null ? Options.DEFAULT : options;
    if (lhs == null || rhs == null) {
      throw BadInputException.of(new InputError(null, (lhs == null ? "the left side" : "the right side") + " is missing"));
    }
    call(() -> question(lhs, rhs, assumptions, o, new Equivalence(catalogue(o.rules()), o.settings())));
  }

  private static Equivalence.Question question(String lhs, String rhs, String assumptions, Options o,
      Equivalence equivalence) {
    if (!o.latex()) {
      return equivalence.parse(lhs, rhs, assumptions, null);
    }
    LatexInput.Question read = LatexInput.question(lhs, rhs, assumptions, null, false, LatexVocabulary.OPEN, note -> { });
    return Equivalence.question(read.left(), read.right(), read.assumptions(), null);
  }

  /** {@link #check(Path, Options)} with the default options. */
  public static CheckReport check(Path derivation) {
    return check(derivation, Options.DEFAULT);
  }

  /**
   * Loads, rewrites and verifies a derivation file (or every *.yaml in a folder, sub-folders
   * included), and the files it refers to (from: and claims naming other derivations are read
   * from the same folder), then checks the claims, as the check command does.
   *
   * @throws BadInputException listing every problem in the files, before anything is checked
   */
  public static CheckReport check(Path derivation, Options options) {
    Options o = options == null ? Options.DEFAULT : options;
    return call(() -> {
      TextFiles.classify(derivation, false);
      Pipeline pipeline = new Pipeline(catalogue(o.rules()), o.settings());
      return report(pipeline.check(pipeline.load(Inputs.files(List.of(derivation)))));
    });
  }

  /**
   * Checks one derivation given as YAML text (the format of a derivation file). It cannot refer
   * to other derivations (there is no folder to find them in), except to itself.
   *
   * @param name the name errors and the report use for the text (its id unless it has an id:
   *     field), e.g. "request"; null for "input"
   * @throws BadInputException listing the problem with its line and column in the text
   */
  public static CheckReport checkYaml(String yaml, String name, Options options) {
    Options o = options == null ? Options.DEFAULT : options;
    if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
      throw BadInputException.of(new InputError(null, "a name is 1-100 letters, digits, '-', '_' or '.', starting with"
          + " a letter or digit; got '" + name + "'"));
    }
    Path file = Path.of((name == null ? "input" : name) + ".yaml");
    if (yaml == null) {
      throw BadInputException.of(new InputError(Source.of(file), "the YAML text is missing"));
    }
    return call(() -> {
      checkText(file, yaml);
      Catalogue catalogue = catalogue(o.rules());
      Derivation d = new DerivationLoader(catalogue).load(file, yaml);
      List<InputError> errors = new ArrayList<>();
      for (Map.Entry<String, Source> ref : references(d).entrySet()) {
        if (!ref.getKey().equals(d.id())) {
          errors.add(new InputError(ref.getValue(), "refers to derivation '" + ref.getKey()
              + "', which is not found (YAML text cannot refer to other files: check a file in their folder instead)"));
        }
      }
      if (!errors.isEmpty()) {
        throw new InputErrors(errors);
      }
      return report(new Pipeline(catalogue, o.settings()).check(List.of(d)));
    });
  }

  /** {@link #checkYaml(String, String, Options)} named "input". */
  public static CheckReport checkYaml(String yaml, Options options) {
    return checkYaml(yaml, null, options);
  }

  /** Runs one call with symbols of its own, turning bad input into BadInputException. */
  private static <T> T call(Supplier<T> work) {
    Cas.start();
    try {
      return UserSymbols.isolated(work);
    } catch (InputError e) {
      throw BadInputException.of(e);
    } catch (InputErrors e) {
      throw BadInputException.of(e.errors());
    }
  }

  /** The limits a derivation file is read within (TextFiles applies them to files). */
  private static void checkText(Path file, String yaml) {
    byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > Limits.FILE_BYTES) {
      throw new InputError(Source.of(file), "the text is " + bytes.length + " bytes; the limit is " + Limits.FILE_BYTES + " bytes");
    }
    int line = 1;
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        if (i - start > Limits.LINE_BYTES) {
          throw new InputError(new Source(file, line, 0), "the line is longer than " + Limits.LINE_BYTES + " bytes");
        }
        line++;
        start = i + 1;
      } else if (bytes[i] == 0) {
        throw new InputError(new Source(file, line, 0), "a NUL byte at column " + (i - start + 1) + " (binary data, not text)");
      }
    }
  }

  /** The derivations a file names (from:, claims' result: and by:), with where. */
  private static Map<String, Source> references(Derivation d) {
    Map<String, Source> out = new LinkedHashMap<>();
    if (d.start() != null && d.start().continues() != null) {
      out.putIfAbsent(d.start().continues(), d.start().source());
    }
    for (Claim c : d.claims()) {
      for (Operand side : new Operand[] {c.left(), c.right()}) {
        if (side instanceof Operand.ResultOf r) {
          out.putIfAbsent(r.derivation(), c.source());
        }
      }
      if (c.by() != null) {
        out.putIfAbsent(c.by(), c.source());
      }
    }
    return out;
  }

  /** The built-in catalogue, or it with the extra files (cached while the files are unchanged). */
  private static Catalogue catalogue(List<Path> extra) {
    if (extra.isEmpty()) {
      return CatalogueLoader.builtIn();
    }
    List<String> key = new ArrayList<>();
    for (Path p : extra) {
      TextFiles.classify(p, false);
      Path absolute = p.toAbsolutePath().normalize();
      try {
        key.add(absolute + "|" + Files.size(absolute) + "|" + Files.getLastModifiedTime(absolute).toMillis());
      } catch (java.io.IOException e) {
        throw new InputError(Source.of(p), "cannot read: " + e.getMessage());
      }
    }
    Catalogue cached = CATALOGUES.get(key);
    if (cached != null) {
      return cached;
    }
    Catalogue loaded = CatalogueLoader.load(extra);
    if (CATALOGUES.size() >= MAX_CACHED_CATALOGUES) {
      CATALOGUES.clear();
    }
    CATALOGUES.putIfAbsent(key, loaded);
    return loaded;
  }

  private static CheckReport report(Report report) {
    List<CheckReport.DerivationReport> derivations = new ArrayList<>();
    for (DerivationResult d : report.derivations()) {
      if (d.derivation().hasSteps()) {
        derivations.add(derivation(d));
      }
    }
    List<CheckReport.ClaimReport> claims = new ArrayList<>();
    for (ClaimResult c : report.claims()) {
      claims.add(new CheckReport.ClaimReport(c.claim().id(), print(c.left()), c.claim().relation(), print(c.right()),
          c.claim().expectFailure(), c.passes(), Verdict.of(c.finding())));
    }
    return new CheckReport(report.passes(), derivations, claims);
  }

  private static CheckReport.DerivationReport derivation(DerivationResult d) {
    List<CheckReport.StepReport> steps = new ArrayList<>();
    var rewritten = d.rewritten();
    if (rewritten != null) {
      for (int i = 0; i < rewritten.steps().size(); i++) {
        steps.add(step(rewritten.steps().get(i), d.verdicts().get(i)));
      }
    }
    String title = d.derivation().title() == null ? null : Verdict.blankToNull(d.derivation().title().en());
    return new CheckReport.DerivationReport(d.derivation().id(), String.valueOf(d.derivation().file()), title,
        Status.of(d.status()), d.passes(), d.derivation().expectFailure(), d.problem(),
        rewritten == null ? null : print(rewritten.start()), rewritten == null ? null : print(rewritten.end()),
        rewritten == null || rewritten.relation() == null ? null : rewritten.relation().symbol(), steps);
  }

  private static CheckReport.StepReport step(RewrittenStep s, StepVerdict v) {
    List<CheckReport.Check> checks = new ArrayList<>();
    Counterexample counterexample = null;
    for (Finding f : v.findings()) {
      checks.add(new CheckReport.Check(f.what(), Verdict.of(f)));
      if (counterexample == null && f.status() == stepwise.verify.Status.REFUTED) {
        counterexample = Counterexample.of(f.counterexample());
      }
    }
    Status status = Status.of(v.status());
    String summary = Verdict.blankToNull(v.summary());
    Verdict verdict = new Verdict(status, status.holds() ? summary : null, status.holds() ? null : summary,
        counterexample, v.samples(), v.maxError());
    return new CheckReport.StepReport(s.spec().number(), s.spec().rule(),
        s.applied() ? s.rewrite().relation().symbol() : null, print(s.after()), s.failure(), verdict, checks);
  }

  private static String print(org.matheclipse.core.interfaces.IExpr e) {
    return e == null ? null : ExprPrinter.print(e);
  }
}
