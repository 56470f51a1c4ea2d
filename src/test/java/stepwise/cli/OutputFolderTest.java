package stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** render --out writes only into an empty folder or one Stepwise made, and tidies after killed runs. */
class OutputFolderTest {
  private static final Path DERIVATION = Path.of("derivations/bce-from-likelihood.yaml");

  @TempDir
  Path dir;

  @Test
  void aFolderHoldingOnlyTheUsersOwnIndexHtmlIsRefused() throws Exception {
    Path site = Files.createDirectories(dir.resolve("site"));
    Files.writeString(site.resolve("index.html"), "<h1>my page</h1>");
    Cli cli = Cli.run("render", DERIVATION.toString(), "--out", site.toString());
    assertEquals(2, cli.exit(), cli.out() + cli.err());
    assertTrue(cli.err().contains("holds files Stepwise did not write") && cli.err().contains(".stepwise-output"), cli.err());
    assertEquals("", cli.out(), "refused before anything is checked");
    assertEquals("<h1>my page</h1>", Files.readString(site.resolve("index.html")));
  }

  @Test
  void anEmptyFolderIsUsedAndMarkedAndWorkLeftByAKilledRunIsRemoved() throws Exception {
    Path site = Files.createDirectories(dir.resolve("site"));
    Path staleWork = Files.createDirectories(dir.resolve(".site.tmp-4711"));
    Files.writeString(staleWork.resolve(".stepwise-output"), "");
    Files.writeString(staleWork.resolve("index.html"), "half");
    Path staleOld = Files.createDirectories(dir.resolve(".site.old-815"));
    Files.writeString(staleOld.resolve(".stepwise-output"), "");
    Path emptyWork = Files.createDirectories(dir.resolve(".site.tmp-99"));
    Path notOurs = Files.createDirectories(dir.resolve(".site.tmp-mine"));
    Files.writeString(notOurs.resolve("thesis.tex"), "mine");

    Cli cli = Cli.run("render", DERIVATION.toString(), "--out", site.toString());
    assertEquals(0, cli.exit(), cli.out() + cli.err());
    assertTrue(Files.isRegularFile(site.resolve(".stepwise-output")), "the marker");
    assertTrue(Files.isRegularFile(site.resolve("index.html")));
    assertFalse(Files.exists(staleWork), "a killed run's work folder is removed");
    assertFalse(Files.exists(staleOld), "a killed run's old folder is removed");
    assertFalse(Files.exists(emptyWork), "an empty work folder (killed before the marker) is removed");
    assertEquals("mine", Files.readString(notOurs.resolve("thesis.tex")), "a folder without the marker is never touched");
    try (var left = Files.list(dir)) {
      assertEquals(2, left.count(), "only the site and the user's folder remain");
    }
  }
}
