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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * A background server the launcher reuses so that a check skips the JVM's and Symja's start-up
 * (as the Gradle and Kotlin daemons do). The launcher starts it, keyed by the jar's hash; it
 * stops by itself after an idle time or when its jar changes, and answers "fall back" to any
 * request it cannot serve exactly as a plain run would, so the launcher then runs one.
 *
 * <p>Protocol, on 127.0.0.1 (the port and a secret token are in {@code DIR/address}, a folder
 * only the user can read): the client sends NUL-terminated fields: token, environment key,
 * working folder, the client's process id, argument count, arguments. Either the answer is
 * {@code F} alone (run it plainly: decided before anything runs), or the command runs and its
 * output is streamed as it comes, in lines whose first character says what they are: {@code o}
 * a line of standard output, {@code p} the end of standard output without a newline, {@code e}
 * and {@code f} the same for standard error, and last {@code x} the exit code. A client that
 * closes the connection (Ctrl-C on the launcher) or sends anything more cancels the command:
 * its checks are interrupted and the server takes the next request. One request at a time:
 * commands write to Main's static streams.
 */
public final class Daemon {
  /** Options of check that take a value, and flags, that the server can pass on unchanged. */
  private static final Set<String> CHECK_VALUE_OPTIONS = Set.of("--samples", "--timeout", "--rules");
  private static final Set<String> CHECK_FLAGS = Set.of("--json", "-h", "--help", "-V", "--version");
  private static final int MAX_REQUEST_BYTES = 1 << 20;
  /** How long a cancelled command may take to end before the server gives up on this JVM. */
  private static final Duration CANCEL_WAIT = Duration.ofSeconds(30);

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
  private final AtomicInteger cancelled = new AtomicInteger();
  /** Commands run here, one at a time, so that the accepting thread can watch the client meanwhile. */
  private final ExecutorService runs = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(null, r, "stepwise-daemon-run", 8L << 20); // as -Xss8m: deep expressions recurse
    t.setDaemon(true);
    return t;
  });

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
    daemon.warmUp(); // before the address is published: the first request is then not slower
    daemon.start();
    if (expectedHash != null && !daemon.jarHash.join().startsWith(expectedHash)) {
      daemon.stop(); // the jar changed between the launcher's look and ours
    }
    daemon.serve();
    System.exit(0); // Symja may leave threads behind
  }

  /**
   * One small command on the thread that runs commands: Symja, the catalogue, that thread's
   * engine and worker, and the compiled code are ready before the first client comes.
   */
  void warmUp() {
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    try {
      runs.submit(() -> Main.run(sink, sink, "equiv", "Log(x*y)", "Log(x) + Log(y)", "--assume", "x > 0 && y > 0"))
          .get(60, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // the first request is slower, that is all
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
    OutputStream socketOut = client.getOutputStream();
    Fields fields = new Fields(in);
    String givenToken = fields.next();
    if (!MessageDigest.isEqual(givenToken.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      return; // not our client: say nothing
    }
    String givenEnvironment = fields.next();
    String cwd = fields.next();
    long pid = parsePid(fields.next());
    int count = Integer.parseInt(fields.next());
    if (count < 0 || count > 10_000) {
      return;
    }
    List<String> args = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      args.add(fields.next());
    }
    Request request = givenEnvironment.equals(environment) && !jarChanged() && jarHash.join() != null
        ? request(cwd, pid, args) : null;
    if (request == null) {
      socketOut.write("F\n".getBytes(StandardCharsets.UTF_8));
      socketOut.flush();
      return;
    }
    // from here on the command runs: its output streams to the client, and there is no going back to a plain run
    Reply reply = new Reply(socketOut, request.output());
    PrintStream out = new PrintStream(reply.stream('o', 'p'), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(reply.stream('e', 'f'), true, StandardCharsets.UTF_8);
    Path tty = clientTerminal(pid);
    Progress.ClientTerminal terminal = tty == null ? null
        : new Progress.ClientTerminal(new PrintStream(reply.immediate(), true, StandardCharsets.UTF_8), columns(tty));
    AtomicReference<Thread> runner = new AtomicReference<>();
    Future<Integer> run = runs.submit(() -> {
      runner.set(Thread.currentThread());
      Thread.interrupted(); // a late interrupt meant for the run before
      Progress.drawOn(terminal);
      try {
        return Main.run(out, err, request.args().toArray(String[]::new));
      } finally {
        Progress.drawOn(null);
      }
    });
    if (watchForCancel(client, in, reply, run)) {
      cancel(run, runner.get());
      return;
    }
    int code;
    try {
      code = run.get();
    } catch (ExecutionException | InterruptedException e) { // an Error leaves this JVM in doubt: the server stops
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      err.println("stepwise: internal error in the background server: " + cause + " (STEPWISE_DAEMON=0 runs plainly)");
      code = 70;
      stopped = true;
    }
    out.close(); // sends what is left of a last line without its newline
    err.close();
    reply.finish(code);
  }

  /**
   * Waits for the run, watching the connection: true when the client has gone (closed it, or
   * sent anything more, or could not be written to), which cancels the run.
   */
  private static boolean watchForCancel(Socket client, InputStream in, Reply reply, Future<Integer> run) throws IOException {
    client.setSoTimeout(100);
    while (!run.isDone()) {
      if (reply.broken()) {
        return true;
      }
      try {
        in.read(); // the client sends nothing more: any byte or the end means cancel
        return true;
      } catch (SocketTimeoutException e) {
        continue;
      } catch (IOException e) {
        return true;
      }
    }
    return false;
  }

  /**
   * Interrupts the run until it ends: each of its checks then gives up at once (see
   * stepwise.cas.Worker), so it ends within moments. Its output goes nowhere. A run that still
   * has not ended after CANCEL_WAIT leaves this JVM in doubt: the server stops.
   */
  private void cancel(Future<Integer> run, Thread runner) {
    cancelled.incrementAndGet();
    System.err.println("stepwise daemon: the client hung up; cancelling its command"); // its own log file
    long until = System.nanoTime() + CANCEL_WAIT.toNanos();
    while (!run.isDone() && System.nanoTime() < until) {
      if (runner != null) {
        runner.interrupt();
      }
      try {
        run.get(50, TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        // go on interrupting until it ends
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (!run.isDone()) {
      System.err.println("stepwise daemon: a cancelled command did not end within " + CANCEL_WAIT.toSeconds() + " s; stopping");
      stopped = true;
    }
  }

  /** How many commands were cancelled by their client. */
  int cancelled() {
    return cancelled.get();
  }

  private static long parsePid(String field) {
    try {
      return Long.parseLong(field);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The arguments to run, and how to turn their output back into what a plain run in the client's folder prints. */
  record Request(List<String> args, UnaryOperator<String> output) {}

  /**
   * What to run for the client: equiv names the client's files through its process's view of
   * them (/proc/PID/cwd and /proc/PID/fd/0 for /dev/stdin), check as absolute paths; or null
   * when the server cannot answer exactly as a plain run would.
   */
  static Request request(String cwd, long pid, List<String> args) {
    List<String> rewritten = requestArgs(cwd, pid, args);
    if (rewritten == null) {
      return null;
    }
    if (args.get(0).equals("equiv")) {
      String folder = "/proc/" + pid + "/cwd/";
      String stdin = "/proc/" + pid + "/fd/0";
      return new Request(rewritten, text -> text.replace(folder, "").replace(stdin, "/dev/stdin"));
    }
    return new Request(rewritten, text -> relativeAgain(text, cwd));
  }

  /** {@link #requestArgs(String, long, List)} for a client whose files the server cannot reach (no --batch, no equiv --rules). */
  static List<String> requestArgs(String cwd, List<String> args) {
    return requestArgs(cwd, -1, args);
  }

  /**
   * The arguments with the client's relative paths made absolute (this JVM has another working
   * folder), or null when the server cannot answer exactly as a plain run would: another
   * command, an option it does not know (--watch, say), an absolute path or an @file.
   */
  static List<String> requestArgs(String cwd, long pid, List<String> args) {
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
    if (command.equals("equiv")) { // formulas are not paths; --rules and --batch name files
      String folder = "/proc/" + pid + "/cwd/";
      for (int i = 1; i < args.size(); i++) {
        String arg = args.get(i);
        if (arg.startsWith("@") || arg.equals("-") || arg.equals("--")) {
          return null;
        }
        String option = arg.startsWith("--") && arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        if (option.equals("--rules") || option.equals("--batch")) {
          String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : i + 1 < args.size() ? args.get(++i) : null;
          if (pid <= 0 || value == null || !sameFolder(Path.of("/proc/" + pid + "/cwd"), cwd)) {
            return null;
          }
          if (option.equals("--batch") && value.equals("/dev/stdin") && readable(Path.of("/proc/" + pid + "/fd/0"))) {
            out.add("--batch=/proc/" + pid + "/fd/0"); // the client's standard input, read by the server
          } else if (relativePath(value) && !Path.of(value).normalize().startsWith("..")) {
            out.add(option + "=" + folder + value);
          } else {
            return null;
          }
        } else {
          out.add(arg);
        }
      }
      return out;
    }
    return null;
  }

  /**
   * The client's terminal when its standard input, output and error all are one, which is when
   * a plain run would draw a progress bar; else null (a pipe, a file, no such process).
   */
  static Path clientTerminal(long pid) {
    if (pid <= 0) {
      return null;
    }
    Path terminal = null;
    for (int fd = 0; fd <= 2; fd++) {
      try {
        Path target = Files.readSymbolicLink(Path.of("/proc/" + pid + "/fd/" + fd));
        if (!target.startsWith("/dev/pts") && !target.getFileName().toString().startsWith("tty")) {
          return null;
        }
        terminal = target;
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }
    return terminal;
  }

  /** The terminal's width in columns as `stty size` reads it, 80 when it cannot tell. */
  static int columns(Path terminal) {
    try {
      Process stty = new ProcessBuilder("stty", "size", "-F", terminal.toString()).redirectErrorStream(true).start();
      String[] size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
      if (stty.waitFor(2, TimeUnit.SECONDS) && stty.exitValue() == 0 && size.length == 2 && Integer.parseInt(size[1]) > 0) {
        return Integer.parseInt(size[1]);
      }
    } catch (IOException | RuntimeException e) {
      // no stty, or no size: the common width
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 80;
  }

  private static boolean sameFolder(Path a, String b) {
    try {
      return Files.isSameFile(a, Path.of(b));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Whether this process can open the file (another user's process, a socket: no). */
  private static boolean readable(Path file) {
    try (InputStream ignored = Files.newInputStream(file)) {
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean relativePath(String arg) {
    return !arg.isEmpty() && !arg.startsWith("/") && !arg.startsWith("-") && !arg.startsWith("@") && !arg.startsWith("~");
  }

  /** A plain run names files under its working folder relatively: so does the answer. */
  static String relativeAgain(String text, String cwd) {
    return text.replace(cwd.endsWith("/") ? cwd : cwd + "/", "");
  }

  /**
   * The answer as it streams to the client: whole lines of standard output and error, each
   * framed and mapped back to the client's paths, written as soon as they end; partial lines at
   * the end; then the exit code. A client that cannot be written to any more is noted, and the
   * rest of the output is dropped.
   */
  private static final class Reply {
    private final OutputStream socket;
    private final UnaryOperator<String> mapping;
    private volatile boolean broken;

    Reply(OutputStream socket, UnaryOperator<String> mapping) {
      this.socket = socket;
      this.mapping = mapping;
    }

    boolean broken() {
      return broken;
    }

    /** A stream whose lines are sent framed with line (or partial, for a last line without its newline). */
    OutputStream stream(char line, char partial) {
      return new OutputStream() {
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
          int start = offset;
          for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
              pending.write(bytes, start, i - start);
              send(line, pending.toString(StandardCharsets.UTF_8));
              pending.reset();
              start = i + 1;
            }
          }
          pending.write(bytes, start, offset + length - start);
        }

        @Override
        public synchronized void close() {
          if (pending.size() > 0) {
            send(partial, pending.toString(StandardCharsets.UTF_8));
            pending.reset();
          }
        }
      };
    }

    private void send(char kind, String text) {
      sendRaw(kind, mapping.apply(text));
    }

    /**
     * A stream of standard error sent as it is written, not held back to the end of a line: the
     * client's progress bar redraws its line with a carriage return and never ends it. Not mapped:
     * it carries no paths.
     */
    OutputStream immediate() {
      return new OutputStream() {
        @Override
        public void write(int b) {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
          int start = offset;
          for (int i = offset; i <= offset + length; i++) {
            boolean end = i == offset + length;
            if (end || bytes[i] == '\n') {
              if (i > start || !end) {
                sendRaw(end ? 'f' : 'e', new String(bytes, start, i - start, StandardCharsets.UTF_8));
              }
              start = i + 1;
            }
          }
        }
      };
    }

    private synchronized void sendRaw(char kind, String text) {
      if (broken) {
        return;
      }
      try {
        socket.write((kind + text + "\n").getBytes(StandardCharsets.UTF_8));
        socket.flush();
      } catch (IOException e) {
        broken = true; // the client has gone: the watcher cancels the command
      }
    }

    /** Ends the answer with the exit code (after the streams are closed). */
    void finish(int code) {
      send('x', String.valueOf(code));
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
