package stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** render --format: the slides alone, a list of formats, and an unknown format refused before any check. */
class RenderFormatTest {
  @TempDir
  Path dir;

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void formatBeamerWritesOnlyTheSlides() throws IOException {
    Path out = dir.resolve("slides");
    Cli cli = Cli.run("render", "derivations/bce-from-likelihood.yaml", "--format", "beamer", "--out", out.toString());
    assertEquals(0, cli.exit(), cli.err());
    assertEquals(List.of(".stepwise-output", "beamer"), names(out));
    List<String> decks = names(out.resolve("beamer"));
    assertTrue(decks.containsAll(List.of("bce-from-likelihood.tex", "bce-from-likelihood.zh.tex")), decks.toString());
    assertTrue(Files.readString(out.resolve("beamer/bce-from-likelihood.tex")).contains("{beamer}"));
    assertFalse(cli.out().contains("index.html"), "no site to open: " + cli.out());
  }

  @Test
  void formatsCanBeListedAndAnUnknownOneIsRefused() throws IOException {
    Path out = dir.resolve("md");
    Cli cli = Cli.run("render", "derivations/bce-from-likelihood.yaml", "--format", "markdown,tex", "--out",
        out.toString());
    assertEquals(0, cli.exit(), cli.err());
    assertEquals(List.of(".stepwise-output", "md", "tex"), names(out));

    Cli unknown = Cli.run("render", "derivations/bce-from-likelihood.yaml", "--format", "slides", "--out",
        dir.resolve("x").toString());
    assertEquals(2, unknown.exit(), unknown.err());
    assertTrue(unknown.err().contains("unknown format \"slides\""), unknown.err());
    assertFalse(Files.exists(dir.resolve("x")), "nothing written");
  }
}
