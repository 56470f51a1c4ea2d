package stepwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real headless Chromium opens every page of the site from the file system: every formula
 * image loads (the page's own script marks each one and counts them on the body), and a
 * screenshot of a derivation page is saved as target/site-screenshot.png for people to look at.
 * Without Chromium the test fails on CI (the CI variable set) and is skipped elsewhere.
 */
class SiteChromiumTest {
  private static final long TIMEOUT_SECONDS = 60;
  private static final Pattern BODY = Pattern.compile("<body\\b[^>]*>");
  private static final Pattern CHECKED = Pattern.compile("data-images-checked=\"(\\d+)/(\\d+)\"");

  private static Path chromium;
  private static Material material;
  private static Path site;

  @TempDir
  static Path shared;

  @TempDir
  Path dir;

  @BeforeAll
  static void findChromiumAndWriteTheSite() throws IOException {
    chromium = locate();
    if (chromium == null) {
      String message = "no Chromium: install the chromium package (looked for chromium, chromium-browser,"
          + " google-chrome on the PATH and in /usr/bin)";
      if (System.getenv("CI") != null) {
        fail(message);
      }
      Assumptions.assumeTrue(false, message);
    }
    material = SiteWriterTest.withRecordedMistake(shared);
    site = SiteWriterTest.writeSite(material, shared);
  }

  private static Path locate() {
    List<Path> candidates = new ArrayList<>();
    String path = System.getenv("PATH");
    for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
      if (path != null) {
        for (String d : path.split(File.pathSeparator)) {
          if (!d.isEmpty()) {
            candidates.add(Path.of(d, name));
          }
        }
      }
      candidates.add(Path.of("/usr/bin", name));
    }
    return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
  }

  @Test
  void everyFormulaImageLoadsInChromiumOnEveryPage() throws Exception {
    List<Path> pages = SiteWriterTest.pages(site);
    for (Path page : pages) {
      String name = site.relativize(page).toString();
      if (name.startsWith("source")) {
        continue; // a derivation file's text: no formulas
      }
      String dom = run(List.of("--dump-dom", page.toUri().toString()), name).stdout();
      Matcher body = BODY.matcher(dom);
      assertTrue(body.find(), name + ": no <body> in Chromium's DOM:\n" + head(dom));
      Matcher checked = CHECKED.matcher(body.group());
      assertTrue(checked.find(), name + ": the page's script did not run: " + body.group());
      int loaded = Integer.parseInt(checked.group(1));
      int total = Integer.parseInt(checked.group(2));
      assertTrue(total > 0, name + ": no formula images");
      assertEquals(total, loaded, name + ": only " + loaded + " of " + total + " formula images loaded");
      List<Map<String, String>> images = SiteWriterTest.images(dom);
      long formulas = images.stream().filter(i -> "formula".equals(i.get("class"))).count();
      assertEquals(total, formulas, name + ": the script counted every formula image");
      for (Map<String, String> img : images) {
        assertEquals("yes", img.get("data-loaded"), name + ": not loaded: " + img.get("src") + " " + img.get("alt"));
      }
      assertFalse(dom.contains("class=\"fallback\""), name + ": a formula fell back to its LaTeX");
    }
  }

  @Test
  void aScreenshotOfADerivationPage() throws Exception {
    Path page = site.resolve("derivations/bce-from-likelihood.html");
    assertTrue(Files.isRegularFile(page));
    Path target = Path.of("target").toAbsolutePath();
    Files.createDirectories(target);
    Path shot = target.resolve("site-screenshot.png");
    Files.deleteIfExists(shot);
    run(List.of("--hide-scrollbars", "--run-all-compositor-stages-before-draw", "--screenshot=" + shot,
        "--window-size=1200,1600", page.toUri().toString()), "screenshot");
    assertTrue(Files.isRegularFile(shot), "no screenshot written");
    byte[] png = Files.readAllBytes(shot);
    assertTrue(png.length > 20_000, "the screenshot is nearly empty: " + png.length + " bytes");
    assertEquals((byte) 0x89, png[0]);
    assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
  }

  /** The print stylesheet in use: Chromium prints a derivation page to a PDF of several pages. */
  @Test
  void aDerivationPagePrints() throws Exception {
    Path pdf = dir.resolve("page.pdf");
    run(List.of("--no-pdf-header-footer", "--print-to-pdf=" + pdf,
        site.resolve("derivations/bce-from-likelihood.html").toUri().toString()), "print");
    assertTrue(Files.isRegularFile(pdf), "no PDF written");
    byte[] bytes = Files.readAllBytes(pdf);
    assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    long pages = Pattern.compile("/Type\\s*/Page[^s]").matcher(text).results().count();
    assertTrue(pages >= 2, "every step unfolded over several pages: " + pages);
  }

  private static final Pattern CLIPPED = Pattern.compile("data-formulas-clipped=\"(\\d+)\"");
  private static final Pattern WIDER = Pattern.compile("data-page-wider=\"(\\w+)\"");
  private static final Pattern HEIGHT = Pattern.compile("data-page-height=\"(\\d+)\"");

  /**
   * At a phone's width (390 px) and a laptop's (1280 px), in light and dark mode, no formula is
   * cut off (each is either within the window or in a box that scrolls) and no page scrolls
   * sideways: the page's script measures the laid-out elements in Chromium.
   */
  @Test
  void noFormulaIsCutOffAtPhoneOrLaptopWidthInLightOrDarkMode() throws Exception {
    List<String> problems = new ArrayList<>();
    String tallest = "";
    int tallestHeight = 0;
    for (String width : List.of("390", "1280")) {
      for (boolean dark : List.of(false, true)) {
        for (Path page : SiteWriterTest.pages(site)) {
          String name = site.relativize(page).toString();
          if (dark && !darkModeSample(name)) {
            continue; // dark mode changes colours only: a few derivation pages are enough (all with -Dsite.chromium=all)
          }
          if (name.startsWith("source/") && !width.equals("390")) {
            continue; // a derivation file's text: only the phone's width can be too narrow for it
          }
          List<String> args = new ArrayList<>(List.of("--window-size=" + width + ",900"));
          if (dark) {
            args.add("--force-dark-mode");
          }
          args.addAll(List.of("--dump-dom", page.toUri().toString()));
          String dom = run(args, name + " at " + width).stdout();
          Matcher body = BODY.matcher(dom);
          assertTrue(body.find(), name);
          Matcher clipped = CLIPPED.matcher(body.group());
          Matcher wider = WIDER.matcher(body.group());
          assertTrue(clipped.find() && wider.find(), name + ": the page did not measure itself: " + body.group());
          Matcher height = HEIGHT.matcher(body.group());
          if (width.equals("1280") && !dark && height.find() && Integer.parseInt(height.group(1)) > tallestHeight) {
            tallestHeight = Integer.parseInt(height.group(1));
            tallest = name;
          }
          if (!clipped.group(1).equals("0") || !wider.group(1).equals("no")) {
            problems.add(name + " at " + width + " px" + (dark ? " (dark)" : "") + ": " + clipped.group(1)
                + " formulas cut off, page wider than the window: " + wider.group(1));
          }
        }
      }
    }
    System.out.println("tallest page at 1280 px: " + tallest + ", " + tallestHeight + " px");
    assertEquals(List.of(), problems);
  }

  /**
   * The pages drawn again in dark mode: the article's two roads and a recorded mistake (each
   * Chromium run takes a second or two; every derivation page with -Dsite.chromium=all).
   */
  private static boolean darkModeSample(String name) {
    if (!name.startsWith("derivations/")) {
      return false;
    }
    return "all".equals(System.getProperty("site.chromium")) || name.equals("derivations/bce-from-likelihood.html")
        || name.equals("derivations/bce-from-kl.html") || name.endsWith("lost-minus-sign.html");
  }

  private record Result(String stdout, String stderr) {}

  /** Runs headless Chromium with a fresh profile, offline, under a time limit; always ends it. */
  private Result run(List<String> args, String what) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(dir, "chromium-profile-");
    Path out = Files.createTempFile(dir, "chromium-", ".out");
    Path err = Files.createTempFile(dir, "chromium-", ".err");
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-extensions", "--mute-audio",
        "--user-data-dir=" + profile, "--virtual-time-budget=10000"));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putIfAbsent("HOME", dir.toString());
    Process process = builder.start();
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s (" + what + "):\n" + tail(err));
      }
      String stdout = Files.readString(out, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        fail("Chromium exited with " + process.exitValue() + " (" + what + "):\n" + tail(err));
      }
      return new Result(stdout, Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String tail(Path file) throws IOException {
    String s = Files.readString(file, StandardCharsets.UTF_8);
    return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
  }

  private static String head(String s) {
    return s.length() > 2000 ? s.substring(0, 2000) : s;
  }
}
