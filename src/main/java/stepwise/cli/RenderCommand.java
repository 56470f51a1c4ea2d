package stepwise.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import stepwise.model.Text;

@Command(name = "render", mixinStandardHelpOptions = true,
    description = {"Check derivations, then write teaching material: a static HTML site (index.html), a .tex and PDF"
        + " per derivation, Markdown, and a PNG of every step; with --format beamer, Beamer slides.",
        "The folder is replaced only when everything is written."})
final class RenderCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE|DIR", description = "derivation files or folders (default: derivations/)")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: ${DEFAULT-VALUE})", defaultValue = "out")
  Path out;

  @Option(names = "--lang", paramLabel = "en|zh", description = "language of the rules' side notes in formulas and"
      + " documents, and the one the site opens in (default: ${DEFAULT-VALUE}); the site can show both", defaultValue = "en")
  String lang;

  @Option(names = "--format", paramLabel = "FORMAT[,FORMAT...]", split = ",", description = "what to write: default"
      + " (png, site, tex, markdown), all (the same and beamer), or any of png, site, tex, markdown, beamer"
      + " (Beamer slides with overlays, beamer/ID.tex and .pdf); default: ${DEFAULT-VALUE}", defaultValue = "default")
  List<String> formats = new ArrayList<>();

  @Option(names = "--ln", description = "write the natural log as \\ln instead of \\log")
  boolean ln;

  @Mixin
  CheckOptions options = new CheckOptions();

  @Override
  public Integer call() {
    Text.Language language = switch (lang) {
      case "en" -> Text.Language.EN;
      case "zh" -> Text.Language.ZH;
      default -> throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--lang is en or zh");
    };
    java.util.List<stepwise.render.MaterialWriter> writers;
    try {
      writers = stepwise.render.Writers.of(formats);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--format: " + e.getMessage());
    }
    return Job.run(inputs, options, false, new Job.Render(out, language, ln, writers));
  }
}
