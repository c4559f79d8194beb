package dev.lake.source.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.function.BiConsumer;

/**
 * The JSON values of one file, with the line each starts on. JSON Lines are parsed line by line, so a malformed line
 * costs only that line; documents (pretty-printed, several per file) go through one streaming parser, and a syntax
 * error there ends the file, as nothing after it can be trusted. Top-level arrays yield their elements.
 */
final class JsonNodeStream implements Closeable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectMapper STRICT =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private final BiConsumer<String, String> malformed;
  private final BufferedReader reader;
  private final JsonParser parser;
  private Iterator<JsonNode> pending;
  private long lineNumber;
  private long line;
  private String raw;
  private boolean ended;

  /** Opens {@code file}; {@code malformed} receives (reason, raw text) for text that is not JSON. */
  JsonNodeStream(FileRef file, JsonSettings settings, BiConsumer<String, String> malformed) throws IOException {
    this.malformed = malformed;
    Charset charset = Charset.forName(settings.charset());
    boolean lines = settings.lines() || isJsonLines(file, charset);
    BufferedReader in = new BufferedReader(new InputStreamReader(Inputs.open(file, JsonSource.NAME), charset),
        1 << 16);
    this.reader = lines ? in : null;
    this.parser = lines ? null : MAPPER.getFactory().createParser(in);
  }

  /** The next value, or null at the end of the file. */
  JsonNode next() throws IOException {
    while (true) {
      if (pending != null && pending.hasNext()) {
        return pending.next();
      }
      pending = null;
      JsonNode node = reader != null ? nextLine() : nextDocument();
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
    String text;
    while ((text = reader.readLine()) != null) {
      lineNumber++;
      if (text.isBlank()) {
        continue;
      }
      line = lineNumber;
      raw = text;
      try {
        return STRICT.readTree(text);
      } catch (JsonProcessingException e) {
        malformed.accept("Malformed JSON: " + e.getOriginalMessage(), text);
      }
    }
    return null;
  }

  private JsonNode nextDocument() throws IOException {
    if (ended) {
      return null;
    }
    try {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return null;
      }
      line = parser.currentTokenLocation().getLineNr();
      return MAPPER.readTree(parser);
    } catch (JsonProcessingException e) {
      ended = true;
      line = e.getLocation() == null ? line : e.getLocation().getLineNr();
      malformed.accept("Malformed JSON (the rest of the file is skipped): " + e.getOriginalMessage(), "");
      return null;
    }
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
    if (reader != null) {
      reader.close();
    } else {
      parser.close();
    }
  }
}
