package stepwise.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import stepwise.load.TextFiles;
import stepwise.model.Derivation;
import stepwise.model.InputError;
import stepwise.model.Text;
import stepwise.pipeline.InputErrors;
import stepwise.pipeline.Inputs;
import stepwise.pipeline.Pipeline;
import stepwise.pipeline.Report;
import stepwise.render.JsonReport;
import stepwise.render.Material;
import stepwise.render.MaterialBuilder;
import stepwise.render.MaterialWriter;
import stepwise.render.Output;
import stepwise.render.TextReport;
import stepwise.render.Writers;

/** load -> rewrite -> verify -> report, and, when asked, render: what check, render and the main job run. */
final class Job {
  private Job() {}

  /** Where and how to render; null renders nothing. */
  record Render(Path folder, Text.Language language, boolean ln, List<MaterialWriter> writers) {
    /** Everything render writes by default. */
    Render(Path folder, Text.Language language, boolean ln) {
      this(folder, language, ln, Writers.all());
    }
  }

  /**
   * Threads that verify steps: one per core while the machine has a core to spare (its load
   * average below the number of cores), else one: a second thread costs its own loading and
   * rewriting, and on a busy machine it only competes with the first. -Dstepwise.threads=N chooses.
   */
  static int threads() {
    Integer wanted = Integer.getInteger("stepwise.threads");
    if (wanted != null) {
      return Math.max(1, Math.min(wanted, 16));
    }
    int cores = Runtime.getRuntime().availableProcessors();
    return cores > 1 && loadAverage() < cores ? Math.min(cores, 16) : 1;
  }

  /** The last minute's load average (Linux), or 0 where there is none to read. */
  private static double loadAverage() {
    try {
      String text = java.nio.file.Files.readString(Path.of("/proc/loadavg"));
      return Double.parseDouble(text.substring(0, text.indexOf(' ')));
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  static int run(List<Path> inputs, CheckOptions options, boolean json, Render render) {
    Pipeline pipeline;
    List<Derivation> derivations;
    stepwise.rules.Catalogue catalogue;
    List<Path> files;
    try {
      // options and files first: a bad one is reported without starting Symja (the catalogue needs it)
      stepwise.verify.Settings settings = options.settings();
      List<Path> arguments = inputs.isEmpty() ? List.of(Path.of("derivations")) : inputs;
      arguments.forEach(argument -> TextFiles.classify(argument, false)); // says what a device, pipe or link loop is
      files = Inputs.files(arguments);
      Timings.mark("options parsed, files listed");
      if (Timings.ON) { // the start-up alone (started in the background by Main: this is the wait for it)
        stepwise.cas.Cas.start();
        Timings.mark("Symja start-up (F.initSymbols)");
      }
      catalogue = options.catalogue(); // once: definitions' symbols must be the same everywhere
      Timings.mark("rule catalogue");
      pipeline = new Pipeline(catalogue, settings).onThreads(threads());
      derivations = pipeline.load(files);
      Timings.mark("derivation files loaded");
    } catch (InputErrors e) {
      e.errors().forEach(error -> Main.ERR.println("error: " + error.describe()));
      return 2;
    } catch (InputError e) {
      Main.ERR.println("error: " + e.describe());
      return 2;
    }
    if (render != null) {
      try {
        Output.checkTarget(render.folder(), derivations.stream().map(Derivation::file).toList());
      } catch (IllegalArgumentException | IOException e) {
        Main.ERR.println("error: " + e.getMessage());
        return 2;
      }
    }
    Report report;
    try (Progress progress = Progress.start("check", Pipeline.work(derivations))) { // a bar on a terminal only
      report = pipeline.check(derivations, progress::step);
    }
    Timings.mark("checked");
    if (json) {
      Main.OUT.println(JsonReport.of(report));
    } else {
      TextReport.print(report, Main.OUT);
    }
    Timings.mark("report printed");
    if (render != null) {
      Material material = new MaterialBuilder(catalogue, render.ln()).build(report);
      List<Path> loaded = derivations.stream().map(Derivation::file).toList();
      try (Output out = new Output(render.folder(), loaded);
          Progress progress = Progress.start("render", render.writers().size())) {
        for (MaterialWriter writer : render.writers()) {
          writer.write(material, out, render.language());
          progress.step();
        }
        out.commit();
      } catch (IllegalArgumentException e) {
        Main.ERR.println("error: " + e.getMessage());
        return 2;
      } catch (IOException | RuntimeException e) {
        Main.ERR.println("error: rendering into " + render.folder() + " failed, nothing was written: " + e.getMessage());
        return 2;
      }
      if (!json) {
        boolean site = render.writers().stream().anyMatch(w -> w instanceof stepwise.render.SiteWriter);
        Main.OUT.println("Teaching material written to " + render.folder() + "/"
            + (site ? " (open " + render.folder() + "/index.html)" : ""));
      }
    }
    return report.passes() ? 0 : 1;
  }
}
