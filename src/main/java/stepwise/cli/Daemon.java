package stepwise.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A background server the launcher reuses so that a check skips the JVM's and Symja's start-up
 * (as the Gradle and Kotlin daemons do). The launcher starts it, keyed by the jar's hash; it
 * stops by itself after an idle time or when its jar changes, and answers "fall back" to any
 * request it cannot serve exactly as a plain run would, so the launcher then runs one.
 *
 * <p>Protocol, on 127.0.0.1 (the port and a secret token are in {@code DIR/address}, a folder
 * only the user can read): the client sends NUL-terminated fields: token, environment key,
 * working folder, argument count, arguments. The answer comes once the command has finished
 * (so a failure before it leaves nothing printed and the client can run plainly): lines whose
 * first character says what they are: {@code o} a line of standard output, {@code p} the end of
 * standard output without a newline, {@code e} and {@code f} the same for standard error,
 * {@code x} the exit code (last), or {@code F} alone: run it plainly. One request at a time:
 * commands write to Main's static streams.
 */
public final class Daemon {
  /** Options of check that take a value, and flags, that the server can pass on unchanged. */
  private static final Set<String> CHECK_VALUE_OPTIONS = Set.of("--samples", "--timeout", "--rules");
  private static final Set<String> CHECK_FLAGS = Set.of("--json", "-h", "--help", "-V", "--version");
  private static final int MAX_REQUEST_BYTES = 1 << 20;

  private final Path dir;
  private final Path jar;
  private final String environment;
  private final Duration idle;
  private final String token;
  private final CompletableFuture<String> jarHash;
  private final long jarSize;
  private final long jarModified;
  private volatile boolean stopped;
  private ServerSocket server;

  Daemon(Path dir, Path jar, String environment, Duration idle) throws IOException {
    this.dir = dir;
    this.jar = jar;
    this.environment = environment;
    this.idle = idle;
    byte[] secret = new byte[24];
    new SecureRandom().nextBytes(secret);
    this.token = HexFormat.of().formatHex(secret);
    this.jarSize = Files.size(jar);
    this.jarModified = Files.getLastModifiedTime(jar).toMillis();
    this.jarHash = CompletableFuture.supplyAsync(() -> sha256(jar)); // while the first request comes in
  }

  /** DIR JAR ENVIRONMENT-KEY IDLE-SECONDS [JAR-HASH]: serves until idle or its jar changes. */
  public static void main(String[] args) throws IOException {
    Daemon daemon = new Daemon(Path.of(args[0]), Path.of(args[1]), args[2], Duration.ofSeconds(Long.parseLong(args[3])));
    String expectedHash = args.length > 4 ? args[4] : null;
    stepwise.cas.Cas.warmUp(); // before the address is published: the first request is then not slower
    daemon.start();
    if (expectedHash != null && !daemon.jarHash.join().startsWith(expectedHash)) {
      daemon.stop(); // the jar changed between the launcher's look and ours
    }
    daemon.serve();
    System.exit(0); // Symja may leave threads behind
  }

  /** Binds a loopback port and publishes it with the token. */
  void start() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    server.setSoTimeout(2000); // how often to look at the clock and the jar
    Path address = dir.resolve("address");
    Path temporary = dir.resolve("address.tmp");
    Files.writeString(temporary, server.getLocalPort() + " " + token + " " + ProcessHandle.current().pid() + "\n");
    Files.move(temporary, address, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    Runtime.getRuntime().addShutdownHook(new Thread(this::unpublish));
  }

  int port() {
    return server.getLocalPort();
  }

  String token() {
    return token;
  }

  void stop() {
    stopped = true;
  }

  /** Answers requests one at a time until idle for too long, stopped, or the jar changed. */
  void serve() {
    long lastUsed = System.nanoTime();
    try {
      while (!stopped) {
        if (System.nanoTime() - lastUsed > idle.toNanos() || jarChanged()) {
          break;
        }
        try (Socket client = server.accept()) {
          answer(client);
        } catch (SocketTimeoutException e) {
          continue;
        } catch (IOException | RuntimeException e) {
          System.err.println("stepwise daemon: request failed: " + e); // its own log file
        }
        lastUsed = System.nanoTime();
      }
    } finally {
      unpublish();
    }
  }

  private void unpublish() {
    try {
      server.close();
      Files.deleteIfExists(dir.resolve("address"));
    } catch (IOException e) {
      // the launcher treats an address that does not answer as no server
    }
  }

  private boolean jarChanged() {
    try {
      return Files.size(jar) != jarSize || Files.getLastModifiedTime(jar).toMillis() != jarModified;
    } catch (IOException e) {
      return true;
    }
  }

  private void answer(Socket client) throws IOException {
    client.setSoTimeout(10_000); // the request itself is small and comes at once
    InputStream in = new BufferedInputStream(client.getInputStream());
    OutputStream reply = client.getOutputStream();
    Fields fields = new Fields(in);
    String givenToken = fields.next();
    if (!MessageDigest.isEqual(givenToken.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      return; // not our client: say nothing
    }
    String givenEnvironment = fields.next();
    String cwd = fields.next();
    int count = Integer.parseInt(fields.next());
    if (count < 0 || count > 10_000) {
      return;
    }
    List<String> args = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      args.add(fields.next());
    }
    List<String> rewritten = givenEnvironment.equals(environment) && !jarChanged() && jarHash.join() != null
        ? requestArgs(cwd, args) : null;
    if (rewritten == null) {
      reply.write("F\n".getBytes(StandardCharsets.UTF_8));
      reply.flush();
      return;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
          rewritten.toArray(String[]::new));
    } catch (Throwable e) { // an Error leaves this JVM in doubt: the client runs plainly, the server stops
      reply.write("F\n".getBytes(StandardCharsets.UTF_8));
      reply.flush();
      stopped = true;
      return;
    }
    StringBuilder answer = new StringBuilder();
    frame(answer, relativeAgain(out.toString(StandardCharsets.UTF_8), cwd), 'o', 'p');
    frame(answer, relativeAgain(err.toString(StandardCharsets.UTF_8), cwd), 'e', 'f');
    answer.append('x').append(code).append('\n');
    reply.write(answer.toString().getBytes(StandardCharsets.UTF_8));
    reply.flush();
  }

  /**
   * The arguments with the client's relative paths made absolute (this JVM has another working
   * folder), or null when the server cannot answer exactly as a plain run would: another
   * command, an option it does not know (--watch, say), an absolute path or an @file.
   */
  static List<String> requestArgs(String cwd, List<String> args) {
    if (!cwd.startsWith("/") || cwd.equals("/") || args.isEmpty()) {
      return null;
    }
    String prefix = cwd.endsWith("/") ? cwd : cwd + "/";
    List<String> out = new ArrayList<>();
    String command = args.get(0);
    out.add(command);
    if (command.equals("check")) {
      boolean anyFile = false;
      for (int i = 1; i < args.size(); i++) {
        String arg = args.get(i);
        String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        if (CHECK_FLAGS.contains(arg)) {
          out.add(arg);
        } else if (CHECK_VALUE_OPTIONS.contains(option)) {
          String value;
          if (arg.contains("=")) {
            value = arg.substring(arg.indexOf('=') + 1);
          } else if (i + 1 < args.size()) {
            value = args.get(++i);
          } else {
            return null; // let a plain run say what is missing
          }
          if (option.equals("--rules")) {
            if (!relativePath(value)) {
              return null;
            }
            value = prefix + value;
          }
          out.add(option + "=" + value);
        } else if (relativePath(arg)) {
          out.add(prefix + arg);
          anyFile = true;
        } else {
          return null;
        }
      }
      if (!anyFile) {
        out.add(prefix + "derivations"); // check's default folder, relative to the client
      }
      return out;
    }
    if (command.equals("equiv")) { // formulas are not paths; only --rules names a file
      for (int i = 1; i < args.size(); i++) {
        String arg = args.get(i);
        if (arg.startsWith("--batch") || arg.startsWith("@") || arg.equals("-") || arg.equals("--")) {
          return null;
        }
        if (arg.equals("--rules") || arg.startsWith("--rules=")) {
          String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : i + 1 < args.size() ? args.get(++i) : null;
          if (value == null || !relativePath(value)) {
            return null;
          }
          out.add("--rules=" + prefix + value);
        } else {
          out.add(arg);
        }
      }
      return out;
    }
    return null;
  }

  private static boolean relativePath(String arg) {
    return !arg.isEmpty() && !arg.startsWith("/") && !arg.startsWith("-") && !arg.startsWith("@") && !arg.startsWith("~");
  }

  /** A plain run names files under its working folder relatively: so does the answer. */
  static String relativeAgain(String text, String cwd) {
    return text.replace(cwd.endsWith("/") ? cwd : cwd + "/", "");
  }

  private static void frame(StringBuilder answer, String text, char line, char partial) {
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        answer.append(partial).append(text, start, text.length()).append('\n');
        return;
      }
      answer.append(line).append(text, start, end).append('\n');
      start = end + 1;
    }
  }

  private static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      return null;
    }
  }

  /** NUL-terminated UTF-8 fields, at most MAX_REQUEST_BYTES in all. */
  private static final class Fields {
    private final InputStream in;
    private int total;

    Fields(InputStream in) {
      this.in = in;
    }

    String next() throws IOException {
      ByteArrayOutputStream field = new ByteArrayOutputStream();
      for (int b; (b = in.read()) != 0; ) {
        if (b < 0 || ++total > MAX_REQUEST_BYTES) {
          throw new IOException("truncated or oversized request");
        }
        field.write(b);
      }
      return field.toString(StandardCharsets.UTF_8);
    }
  }
}
