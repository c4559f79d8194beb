package dev.lake.source.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.lake.io.Decoding;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.function.BiConsumer;

/**
 * The JSON values of one file, with the line each starts on. JSON Lines are read line by line ({@link TextLines}), so
 * a malformed line, or one with bytes that are not valid in the charset, costs only that line. Documents
 * (pretty-printed, one or several per file) go through one streaming parser, which also checks UTF-8; an error there
 * makes the rest of the file, from the start of the document that failed, one bad row naming the error and the lines,
 * as nothing after it can be trusted. Top-level arrays yield their elements.
 */
final class JsonNodeStream implements Closeable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectMapper STRICT =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  /** The most of a file's unread rest a bad row keeps as its value. */
  static final int MAX_REST = 1 << 20;

  private final FileRef file;
  private final Charset charset;
  private final BiConsumer<String, String> malformed;
  private final TextLines lines;
  private final JsonParser parser;
  private Iterator<JsonNode> pending;
  private long line;
  private String raw;
  private boolean ended;
  /** The line where the last document read ended: where the unread rest starts when the next cannot be found. */
  private long lastEnd = 1;

  /** Opens {@code file}; {@code malformed} receives (reason, raw text) for text that is not JSON. */
  JsonNodeStream(FileRef file, JsonSettings settings, BiConsumer<String, String> malformed) throws IOException {
    this.file = file;
    this.malformed = malformed;
    this.charset = Charset.forName(settings.charset());
    boolean jsonLines = settings.lines() || isJsonLines(file, charset);
    InputStream in = Inputs.open(file, JsonSource.NAME);
    this.lines = jsonLines ? new TextLines(in, charset, settings.replaceMalformed(), !file.isRange()
        || file.start() == 0) : null;
    this.parser = jsonLines ? null : documents(in, charset, settings.replaceMalformed());
  }

  private static JsonParser documents(InputStream in, Charset charset, boolean replace) throws IOException {
    if (charset == StandardCharsets.UTF_8 && !replace) {
      return MAPPER.getFactory().createParser(in); // Jackson's byte parser rejects invalid UTF-8 with its position
    }
    CodingErrorAction action = replace ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
    return MAPPER.getFactory().createParser(new BufferedReader(new InputStreamReader(in,
        charset.newDecoder().onMalformedInput(action).onUnmappableCharacter(action)), 1 << 16));
  }

  /** The next value, or null at the end of the file. */
  JsonNode next() throws IOException {
    while (true) {
      if (pending != null && pending.hasNext()) {
        return pending.next();
      }
      pending = null;
      JsonNode node = lines != null ? nextLine() : nextDocument();
      if (node == null) {
        return null;
      }
      if (node.isArray()) {
        pending = node.elements();
      } else {
        return node;
      }
    }
  }

  /** The 1-based line where the last value (or malformed text) starts. */
  long line() {
    return line;
  }

  /** The last value's text: its line for JSON Lines, the value rendered for documents. */
  String raw(JsonNode node) {
    return raw != null ? raw : node.toString();
  }

  private JsonNode nextLine() throws IOException {
    for (TextLines.Line l; (l = lines.next()) != null; ) {
      if (l.text().isBlank()) {
        continue;
      }
      line = l.number();
      raw = l.text();
      if (l.malformed() != null) {
        malformed.accept(l.malformed(), l.text());
        continue;
      }
      try {
        return STRICT.readTree(l.text());
      } catch (JsonProcessingException e) {
        malformed.accept("Malformed JSON: " + e.getOriginalMessage(), l.text());
      }
    }
    return null;
  }

  private JsonNode nextDocument() throws IOException {
    if (ended) {
      return null;
    }
    long start = lastEnd;
    try {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return null;
      }
      start = parser.currentTokenLocation().getLineNr();
      line = start;
      JsonNode node = MAPPER.readTree(parser);
      lastEnd = parser.currentLocation().getLineNr();
      return node;
    } catch (JsonProcessingException | java.nio.charset.CharacterCodingException e) {
      ended = true;
      line = start;
      String why = e instanceof JsonProcessingException j ? describe(j) : "invalid " + charset.name() + " after line "
          + start;
      malformed.accept(why + "; the rest of the file, from line " + start + ", is not read (this bad row holds it)",
          rest(start));
      return null;
    }
  }

  /**
   * "Malformed JSON at line 3, column 17: ..." or, for bytes that are not UTF-8, "invalid UTF-8 at byte 9 of line 3"
   * (the line is decoded again to find the byte: Jackson reports where it stopped, a byte or two further).
   */
  private String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    var at = e.getLocation();
    if (message != null && message.startsWith("Invalid UTF-8") && at != null) {
      String exact = problemOfLine(at.getLineNr());
      return (exact != null ? exact : Decoding.describe(charset, at.getColumnNr(), at.getLineNr())) + " (" + message
          + ")";
    }
    return "Malformed JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
        + ": " + message;
  }

  /** Why line {@code number} of the file is not valid text, or null. */
  private String problemOfLine(long number) {
    try (TextLines all = new TextLines(Inputs.open(file, JsonSource.NAME), charset, false, true)) {
      for (TextLines.Line l; (l = all.next()) != null; ) {
        if (l.number() == number) {
          return l.malformed();
        }
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return null;
  }

  /** The file's text from line {@code from} on, cut at {@link #MAX_REST} characters: what a bad row keeps. */
  private String rest(long from) {
    StringBuilder out = new StringBuilder();
    try (TextLines all = new TextLines(Inputs.open(file, JsonSource.NAME), charset, true, true)) {
      for (TextLines.Line l; (l = all.next()) != null && out.length() < MAX_REST; ) {
        if (l.number() >= from) {
          out.append(l.text()).append(l.terminator());
        }
      }
    } catch (IOException | RuntimeException e) {
      out.append("... (the file could not be read again: ").append(e.getMessage()).append(')');
    }
    return out.length() > MAX_REST ? out.substring(0, MAX_REST) + "... (cut at 1 MiB)" : out.toString();
  }

  /**
   * True when the file holds JSON Lines: its first non-blank line is a whole JSON value, or (the first line being
   * malformed) its second is a whole object while the first does not just open a document.
   */
  private static boolean isJsonLines(FileRef file, Charset charset) throws IOException {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Inputs.open(file, JsonSource.NAME), charset))) {
      String first = nonBlank(in);
      if (first == null || parses(first)) {
        return true;
      }
      String second = nonBlank(in);
      String opening = first.trim();
      return second != null && !opening.equals("{") && !opening.equals("[") && parses(second)
          && second.trim().startsWith("{");
    }
  }

  private static String nonBlank(BufferedReader in) throws IOException {
    String text;
    while ((text = in.readLine()) != null) {
      if (!text.isBlank()) {
        return text;
      }
    }
    return null;
  }

  private static boolean parses(String text) {
    try {
      STRICT.readTree(text);
      return true;
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException {
    if (lines != null) {
      lines.close();
    } else {
      parser.close();
    }
  }
}
