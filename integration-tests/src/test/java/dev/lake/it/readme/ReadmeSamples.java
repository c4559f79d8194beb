package dev.lake.it.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The README's command samples: each fenced block right after a {@code <!-- sample -->} line holds commands
 * ({@code $ …}, continued by a trailing backslash, a trailing {@code # comment} ignored) each followed by the output
 * it prints (blank lines at the end of an output are layout, not output). Output is compared by shape: what varies
 * from run to run (durations, times, run ids, byte sizes, the width of table columns) is masked on both sides,
 * {@code …} in a line stands for any text, and a line that is only {@code …} for any number of lines.
 *
 * <pre>{@code
 * for (ReadmeSamples.Command c : ReadmeSamples.parse(Files.readAllLines(readme))) {
 *   ReadmeSamples.mismatch(c.expected(), run(c.text())).ifPresent(m -> fail(c.line() + ": " + m));
 * }
 * }</pre>
 */
final class ReadmeSamples {
  static final String MARK = "<!-- sample -->";
  private static final String ELLIPSIS = "…";
  private static final Pattern RUN_ID = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{8}");
  private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}Z");
  private static final Pattern DURATION = Pattern.compile("\\b\\d+(\\.\\d+)? (s|ms)\\b");
  private static final Pattern SIZE = Pattern.compile("\\b\\d[\\d,]*(\\.\\d+)? (B|KB|MB|GB|bytes)\\b");
  private static final Pattern RULE = Pattern.compile("-{2,}");

  private ReadmeSamples() {}

  /** One command of a sample: its README line, the command as a shell runs it, and the output shown. */
  record Command(int line, String text, List<String> expected) {}

  /** Every command of every marked block, in README order. */
  static List<Command> parse(List<String> readme) {
    List<Command> commands = new ArrayList<>();
    for (int i = 0; i < readme.size(); i++) {
      if (!readme.get(i).strip().equals(MARK)) {
        continue;
      }
      int fence = i + 1;
      if (fence >= readme.size() || !readme.get(fence).startsWith("```")) {
        throw new IllegalArgumentException("README line " + (i + 1) + ": " + MARK + " must precede a ``` block");
      }
      int line = fence + 1;
      while (line < readme.size() && !readme.get(line).startsWith("```")) {
        String text = readme.get(line);
        if (!text.startsWith("$ ")) {
          throw new IllegalArgumentException("README line " + (line + 1) + ": a sample starts with '$ <command>'");
        }
        int start = line;
        StringBuilder command = new StringBuilder(text.substring(2));
        while (command.toString().endsWith("\\") && line + 1 < readme.size()) {
          command.setLength(command.length() - 1);
          command = new StringBuilder(command.toString().stripTrailing()).append(' ')
              .append(readme.get(++line).strip());
        }
        List<String> expected = new ArrayList<>();
        line++;
        while (line < readme.size() && !readme.get(line).startsWith("$ ") && !readme.get(line).startsWith("```")) {
          expected.add(readme.get(line++));
        }
        commands.add(new Command(start + 1, withoutComment(command.toString()).strip(), withoutTrailingBlanks(
            expected)));
      }
      i = line;
    }
    return commands;
  }

  /** The command without a trailing {@code   # comment} (two spaces at least before it). */
  static String withoutComment(String command) {
    return command.replaceFirst("\\s{2,}#.*$", "");
  }

  /** The lines without the blank lines at their end (between two commands of a sample they are layout). */
  static List<String> withoutTrailingBlanks(List<String> lines) {
    int end = lines.size();
    while (end > 0 && lines.get(end - 1).isBlank()) {
      end--;
    }
    return List.copyOf(lines.subList(0, end));
  }

  /**
   * Empty when {@code actual} has the shape of {@code expected}; otherwise what differs, for the test's message.
   * Blank lines at the end of the output do not count.
   */
  static Optional<String> mismatch(List<String> expected, List<String> actual) {
    List<Pattern> patterns = expected.stream().map(ReadmeSamples::pattern).toList();
    List<String> lines = withoutTrailingBlanks(actual).stream().map(ReadmeSamples::normalize).toList();
    int[] furthest = {0};
    if (matches(patterns, 0, lines, 0, furthest, expected)) {
      return Optional.empty();
    }
    int at = Math.min(furthest[0], expected.size() - 1);
    return Optional.of("the README shows\n  " + (at < 0 ? "(no output)" : expected.get(at)) + "\n(sample line "
        + (at + 1) + ") but the command printed\n  " + String.join("\n  ", actual));
  }

  private static boolean matches(List<Pattern> patterns, int p, List<String> lines, int l, int[] furthest,
      List<String> expected) {
    furthest[0] = Math.max(furthest[0], p);
    if (p == patterns.size()) {
      return l == lines.size();
    }
    if (patterns.get(p) == null) { // a line of its own "…": any number of lines
      for (int skip = l; skip <= lines.size(); skip++) {
        if (matches(patterns, p + 1, lines, skip, furthest, expected)) {
          return true;
        }
      }
      return false;
    }
    return l < lines.size() && patterns.get(p).matcher(lines.get(l)).matches()
        && matches(patterns, p + 1, lines, l + 1, furthest, expected);
  }

  /** The expected line as a pattern over normalized output; null for a line that is only "…". */
  static Pattern pattern(String expected) {
    String line = normalize(expected);
    if (line.equals(ELLIPSIS)) {
      return null;
    }
    String[] parts = line.split(ELLIPSIS, -1);
    StringBuilder regex = new StringBuilder(Pattern.quote(parts[0]));
    for (int i = 1; i < parts.length; i++) {
      regex.append(".*").append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(regex.toString());
  }

  /** What varies between runs masked; spaces collapsed (column widths follow the values). */
  static String normalize(String line) {
    String s = RUN_ID.matcher(line).replaceAll("RUN");
    s = TIME.matcher(s).replaceAll("TIME");
    s = SIZE.matcher(s).replaceAll("SIZE");
    s = DURATION.matcher(s).replaceAll("D s");
    s = RULE.matcher(s).replaceAll("--");
    return s.replaceAll("\\s+", " ").strip();
  }
}
