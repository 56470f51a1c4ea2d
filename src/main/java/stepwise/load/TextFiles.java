package stepwise.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import stepwise.model.InputError;
import stepwise.model.Source;

/**
 * Reads input text files within {@link Limits}: size and line length are checked while the bytes
 * stream in (so /dev/zero or a 3 GB file cost no memory), every line must be UTF-8 without NUL
 * bytes, and a leading UTF-8 byte order mark is dropped. Errors name the file and line.
 */
public final class TextFiles {
  private static final int UNIX_TYPE_MASK = 0170000;
  private static final int UNIX_FIFO = 0010000;
  private static final int UNIX_CHAR_DEVICE = 0020000;
  private static final int UNIX_BLOCK_DEVICE = 0060000;
  private static final int UNIX_SOCKET = 0140000;

  private TextFiles() {}

  /** What kind of path a file argument is, when it is not something to read. */
  public enum Kind { FILE, FOLDER, STREAM }

  /**
   * Checks a path given on the command line without opening it: a regular file or a folder
   * passes; anything else is refused saying what it is. With streamsAllowed a pipe or a
   * character device (such as /dev/stdin or a process substitution) passes as a stream.
   */
  public static Kind classify(Path path, boolean streamsAllowed) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      if (Files.isSymbolicLink(path)) {
        throw new InputError(Source.of(path), "is a symbolic link to a missing file");
      }
      throw new InputError(Source.of(path), "no such file or folder");
    } catch (AccessDeniedException e) {
      throw new InputError(Source.of(path), "permission denied");
    } catch (FileSystemException e) {
      if (String.valueOf(e.getReason()).contains("symbolic links")) {
        throw new InputError(Source.of(path), "is a symbolic link loop");
      }
      throw new InputError(Source.of(path), "cannot read: " + (e.getReason() == null ? e.getMessage() : e.getReason()));
    } catch (IOException e) {
      throw new InputError(Source.of(path), "cannot read: " + e.getMessage());
    }
    if (attributes.isRegularFile()) {
      return Kind.FILE;
    }
    if (attributes.isDirectory()) {
      return Kind.FOLDER;
    }
    String what = specialKind(path);
    if (streamsAllowed && (what.contains("pipe") || what.contains("character device"))) {
      return Kind.STREAM;
    }
    throw new InputError(Source.of(path), "is " + what + ", not a regular file");
  }

  private static String specialKind(Path path) {
    try {
      int mode = (Integer) Files.getAttribute(path, "unix:mode");
      return switch (mode & UNIX_TYPE_MASK) {
        case UNIX_FIFO -> "a named pipe (FIFO)";
        case UNIX_CHAR_DEVICE -> "a character device";
        case UNIX_BLOCK_DEVICE -> "a block device";
        case UNIX_SOCKET -> "a socket";
        default -> "a special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
      return "a special file";
    }
  }

  /** The lines of a text file (without line ends), read within the limits. */
  public static List<String> lines(Path file) {
    List<String> lines = new ArrayList<>();
    eachLine(file, (number, line) -> lines.add(line));
    return lines;
  }

  /** The whole text of a file, read within the limits, with \n line ends. */
  public static String read(Path file) {
    List<String> lines = lines(file);
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line).append('\n');
    }
    return text.toString();
  }

  /** Receives one checked line (without its line end) and its 1-based number. */
  @FunctionalInterface
  public interface LineSink {
    void accept(int number, String line) throws IOException;
  }

  /**
   * Streams the lines of a text file (or a pipe) one at a time, checked and limited as
   * {@link #lines} does, without holding the file: memory stays that of one line.
   */
  public static void eachLine(Path file, LineSink sink) {
    if (classify(file, true) == Kind.FOLDER) {
      throw new InputError(Source.of(file), "is a folder, not a file");
    }
    try {
      if (Files.isRegularFile(file) && Files.size(file) > Limits.FILE_BYTES) {
        throw new InputError(Source.of(file), "file is " + Files.size(file) + " bytes; the limit is "
            + Limits.FILE_BYTES + " bytes");
      }
      try (InputStream in = Files.newInputStream(file)) {
        eachLine(file, in, Limits.FILE_BYTES, sink);
      }
    } catch (IOException e) {
      throw new InputError(Source.of(file), "cannot read: " + e.getMessage());
    }
  }

  private static void eachLine(Path file, InputStream in, long maxBytes, LineSink sink) throws IOException {
    byte[] line = new byte[256];
    int length = 0;
    long total = 0;
    int lineNumber = 1;
    byte[] chunk = new byte[8192];
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    for (int n; (n = in.read(chunk)) > 0; ) {
      total += n;
      if (total > maxBytes) {
        throw new InputError(new Source(file, lineNumber, 0), "the file is longer than " + maxBytes + " bytes");
      }
      for (int i = 0; i < n; i++) {
        byte b = chunk[i];
        if (b == '\n') {
          sink.accept(lineNumber, decode(file, lineNumber, line, length, utf8, lineNumber == 1));
          lineNumber++;
          length = 0;
          continue;
        }
        if (b == 0) {
          throw new InputError(new Source(file, lineNumber, 0), "a NUL byte at column " + (length + 1)
              + " (binary data, not text)");
        }
        if (length == Limits.LINE_BYTES) {
          throw new InputError(new Source(file, lineNumber, 0), "the line is longer than " + Limits.LINE_BYTES + " bytes");
        }
        if (length == line.length) {
          line = Arrays.copyOf(line, Math.min(Limits.LINE_BYTES, line.length * 2));
        }
        line[length++] = b;
      }
    }
    if (length > 0) {
      sink.accept(lineNumber, decode(file, lineNumber, line, length, utf8, lineNumber == 1));
    }
  }

  private static String decode(Path file, int lineNumber, byte[] bytes, int length, CharsetDecoder utf8, boolean first) {
    int start = 0;
    if (first && length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      start = 3; // a byte order mark some editors write: not part of the text
    }
    int end = length > start && bytes[length - 1] == '\r' ? length - 1 : length; // Windows line ends
    CharBuffer out = CharBuffer.allocate(end - start);
    CoderResult result = utf8.reset().decode(ByteBuffer.wrap(bytes, start, end - start), out, true);
    if (!result.isError()) {
      result = utf8.flush(out);
    }
    if (result.isError()) {
      throw new InputError(new Source(file, lineNumber, out.position() + 1), "not UTF-8 at line " + lineNumber
          + ", column " + (out.position() + 1) + " (save the file as UTF-8)");
    }
    return out.flip().toString();
  }
}
