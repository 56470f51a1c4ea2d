package stepwise.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A folder of material being written. Everything goes into a temporary sibling folder that
 * replaces the target only when all of it is written (commit), so a failure never leaves a
 * half-written folder behind.
 */
public final class Output implements AutoCloseable {
  private final Path target;
  private final Path work;
  private final Map<String, String> svgs = new LinkedHashMap<>();
  private boolean committed;

  /** The file that marks a folder as written by Stepwise (so replacing it loses nothing). */
  public static final String MARKER = ".stepwise-output";

  /**
   * A new output replacing target when committed. Refused (IllegalArgumentException) when that
   * would lose something: target is a file, a folder that holds one of the inputs, or a
   * non-empty folder without the marker. Work folders left by a run that was killed are removed.
   */
  public Output(Path target, java.util.Collection<Path> inputs) throws IOException {
    this.target = target.toAbsolutePath().normalize();
    refuseToLoseData(this.target, inputs);
    Files.createDirectories(this.target.getParent());
    removeStaleWork(this.target);
    this.work = Files.createTempDirectory(this.target.getParent(), "." + this.target.getFileName() + ".tmp-");
    write(MARKER, "This folder was written by stepwise render; it is replaced whole on every run.\n");
  }

  /** An output with no inputs to protect (tests, tools). */
  public Output(Path target) throws IOException {
    this(target, java.util.List.of());
  }

  /** Throws IllegalArgumentException if replacing target could lose something (see the constructor). */
  public static void checkTarget(Path target, java.util.Collection<Path> inputs) throws IOException {
    refuseToLoseData(target.toAbsolutePath().normalize(), inputs);
  }

  private static void refuseToLoseData(Path target, java.util.Collection<Path> inputs) throws IOException {
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new IllegalArgumentException(target + " is a file, not a folder: choose another --out");
    }
    for (Path input : inputs) {
      if (input.toAbsolutePath().normalize().startsWith(target)) {
        throw new IllegalArgumentException("--out " + target + " holds the input " + input
            + ": rendering would replace it; choose another folder");
      }
    }
    // Only the marker says Stepwise wrote a folder: an index.html alone may well be the user's own.
    if (Files.isDirectory(target) && !Files.exists(target.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
      try (var entries = Files.list(target)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException("--out " + target + " holds files Stepwise did not write (it has no "
              + MARKER + "): choose a new or empty folder, so nothing of yours is replaced");
        }
      }
    }
  }

  /**
   * Removes .NAME.tmp-* and .NAME.old-* folders next to target that an earlier run left when it
   * was killed (kill -9 runs no clean-up). Only folders Stepwise made go: ones holding the marker
   * (written first into every work folder) or empty ones.
   */
  static void removeStaleWork(Path target) throws IOException {
    String prefix = "." + target.getFileName();
    try (var siblings = Files.list(target.getParent())) {
      for (Path sibling : siblings.toList()) {
        String name = sibling.getFileName().toString();
        boolean ours = name.startsWith(prefix + ".tmp-") || name.startsWith(prefix + ".old-");
        if (ours && Files.isDirectory(sibling, LinkOption.NOFOLLOW_LINKS) && (Files.exists(sibling.resolve(MARKER),
            LinkOption.NOFOLLOW_LINKS) || isEmpty(sibling))) {
          deleteTree(sibling);
        }
      }
    }
  }

  private static boolean isEmpty(Path folder) throws IOException {
    try (var entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }

  /** The folder files are written to before commit (for tools that need a real path, like pdflatex). */
  public Path workFolder() {
    return work;
  }

  public Path target() {
    return target;
  }

  public Path write(String relative, String text) throws IOException {
    return write(relative, text.getBytes(StandardCharsets.UTF_8));
  }

  public Path write(String relative, byte[] data) throws IOException {
    Path file = work.resolve(relative).normalize();
    if (!file.startsWith(work)) {
      throw new IllegalArgumentException("outside the output folder: " + relative);
    }
    Files.createDirectories(file.getParent());
    Files.write(file, data);
    return file;
  }

  /**
   * The formula as an SVG file under img/, written once per distinct formula; returns its path
   * relative to the output folder (img/3f2a....svg).
   */
  public String svg(String latex) throws IOException {
    String existing = svgs.get(latex);
    if (existing != null) {
      return existing;
    }
    String name = "img/" + hash(latex) + ".svg";
    write(name, Formulas.svg(latex));
    svgs.put(latex, name);
    return name;
  }

  static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Replaces the target folder with what was written. */
  public void commit() throws IOException {
    Path old = null;
    if (Files.exists(target)) {
      old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
      Files.delete(old);
      move(target, old);
    }
    move(work, target);
    committed = true;
    if (old != null) {
      deleteTree(old);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  @Override
  public void close() {
    if (!committed) {
      try {
        deleteTree(work);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
