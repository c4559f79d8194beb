package dev.lake.internal.lake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.lake.io.DataFile;
import dev.lake.io.StagedObject;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Lake's own metadata with jackson-core's streaming parser: the document becomes maps, lists and scalars, then
 * each record is built from its properties by name. As the databind reader it replaces: unknown properties are
 * ignored, missing ones take their empty value (null, 0, an empty list or map), so every older format reads; a value
 * of the wrong type is an {@link IOException} naming the property, the value and what was expected.
 *
 * <pre>{@code
 * Manifest m = Json.read(bytes, Manifest.class);   // Json picks the reader by type
 * }</pre>
 */
final class MetadataReader {
  private final Map<String, Object> object;
  private final String what;
  private final String path;

  private MetadataReader(Map<String, Object> object, String what, String path) {
    this.object = object;
    this.what = what;
    this.path = path;
  }

  /** The document's top-level object. */
  static MetadataReader parse(JsonFactory factory, byte[] json, String what) throws IOException {
    try (JsonParser p = factory.createParser(json)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new IOException("Expected a JSON object for " + what + ", found " + first);
      }
      Map<String, Object> object = readObject(p);
      if (p.nextToken() != null) {
        throw new IOException("Unexpected content after the JSON object of " + what + " at "
            + p.currentLocation().offsetDescription());
      }
      return new MetadataReader(object, what, "");
    } catch (JsonProcessingException e) {
      throw new IOException("Not valid JSON for " + what + ": " + e.getOriginalMessage() + " at "
          + (e.getLocation() == null ? "?" : e.getLocation().offsetDescription()), e);
    }
  }

  private static Object readValue(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT:
        return readObject(p);
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(readValue(p));
        }
        return list;
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return p.getNumberValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IOException("Unexpected JSON token " + p.currentToken() + " at "
            + p.currentLocation().offsetDescription());
    }
  }

  private static Map<String, Object> readObject(JsonParser p) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      map.put(name, readValue(p));
    }
    return map;
  }

  private IOException wrong(String name, Object value, String expected) {
    return new IOException("Property " + path + name + " of " + what + " is " + describe(value) + ", expected "
        + expected);
  }

  private static String describe(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : value instanceof Map ? "an object"
        : value instanceof List ? "an array" : String.valueOf(value);
  }

  String string(String name) throws IOException {
    Object v = object.get(name);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString(); // as databind coerced scalars to text
    }
    throw wrong(name, v, "a string");
  }

  long longValue(String name) throws IOException {
    Long v = nullableLong(name);
    return v == null ? 0 : v;
  }

  int intValue(String name) throws IOException {
    long v = longValue(name);
    if (v != (int) v) {
      throw wrong(name, v, "a number within int range");
    }
    return (int) v;
  }

  Long nullableLong(String name) throws IOException {
    return toLong(name, object.get(name));
  }

  private Long toLong(String name, Object v) throws IOException {
    if (v == null) {
      return null;
    }
    if (v instanceof Number n && (n instanceof Long || n instanceof Integer || n instanceof Short)) {
      return n.longValue();
    }
    if (v instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        throw wrong(name, v, "a whole number");
      }
    }
    throw wrong(name, v, "a whole number");
  }

  Instant instant(String name) throws IOException {
    String s = string(name);
    try {
      return s == null ? null : Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw wrong(name, s, "an ISO-8601 instant such as 2026-12-07T10:15:00Z");
    }
  }

  List<String> strings(String name) throws IOException {
    List<Object> list = list(name);
    List<String> out = new ArrayList<>(list.size());
    for (Object v : list) {
      if (!(v instanceof String)) {
        throw wrong(name + "[" + out.size() + "]", v, "a string");
      }
      out.add((String) v);
    }
    return out;
  }

  Map<String, String> stringMap(String name) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : map(name).entrySet()) {
      Object v = e.getValue();
      if (v != null && !(v instanceof String)) {
        throw wrong(name + "." + e.getKey(), v, "a string");
      }
      out.put(e.getKey(), (String) v);
    }
    return out;
  }

  /** The whole object, each value as text (a number or boolean too, as databind read it). */
  Map<String, String> stringMap() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : object.keySet()) {
      out.put(key, string(key));
    }
    return out;
  }

  Map<String, Long> longMap(String name) throws IOException {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : map(name).entrySet()) {
      out.put(e.getKey(), toLong(name + "." + e.getKey(), e.getValue()));
    }
    return out;
  }

  Map<String, List<String>> stringListMap(String name) throws IOException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    MetadataReader inner = new MetadataReader(map(name), what, path + name + ".");
    for (String key : inner.object.keySet()) {
      out.put(key, inner.strings(key));
    }
    return out;
  }

  /** The objects of an array property, each as a reader. */
  List<MetadataReader> objects(String name) throws IOException {
    List<MetadataReader> out = new ArrayList<>();
    int i = 0;
    for (Object v : list(name)) {
      out.add(asObject(name + "[" + i++ + "]", v));
    }
    return out;
  }

  /** An object property as a reader, or null when it is missing or null. */
  MetadataReader object(String name) throws IOException {
    Object v = object.get(name);
    return v == null ? null : asObject(name, v);
  }

  /** The object properties of an object property, by name. */
  Map<String, MetadataReader> objectMap(String name) throws IOException {
    Map<String, MetadataReader> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : map(name).entrySet()) {
      out.put(e.getKey(), asObject(name + "." + e.getKey(), e.getValue()));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private MetadataReader asObject(String name, Object v) throws IOException {
    if (!(v instanceof Map)) {
      throw wrong(name, v, "an object");
    }
    return new MetadataReader((Map<String, Object>) v, what, path + name + ".");
  }

  @SuppressWarnings("unchecked")
  private List<Object> list(String name) throws IOException {
    Object v = object.get(name);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List)) {
      throw wrong(name, v, "an array");
    }
    return (List<Object>) v;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> map(String name) throws IOException {
    Object v = object.get(name);
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map)) {
      throw wrong(name, v, "an object");
    }
    return (Map<String, Object>) v;
  }

  // The records, property by property.

  Manifest manifest() throws IOException {
    return new Manifest(intValue("formatVersion"), string("dataset"), longValue("version"), instant("committedAt"),
        string("pipeline"), string("runId"), string("commitKey"), string("mode"), string("format"),
        strings("partitionBy"), string("schema"), dataFiles("files"), strings("added"), strings("removed"),
        stringListMap("compacted"), strings("emptySplits"), longMap("published"), segmentRefs());
  }

  private List<SegmentRef> segmentRefs() throws IOException {
    List<SegmentRef> out = new ArrayList<>();
    for (MetadataReader r : objects("segments")) {
      out.add(new SegmentRef(r.string("name"), r.intValue("files"), r.longValue("rows"), r.longValue("bytes")));
    }
    return out;
  }

  StateLog.Entry entry() throws IOException {
    List<Publication> publications = new ArrayList<>();
    for (MetadataReader r : objects("publications")) {
      publications.add(r.publication());
    }
    return new StateLog.Entry(intValue("formatVersion"), string("pipeline"), longValue("version"), string("runId"),
        instant("committedAt"), stringMap("cursors"), strings("splits"), publications);
  }

  PendingMarkers.Marker marker() throws IOException {
    MetadataReader pub = object("publication");
    return new PendingMarkers.Marker(string("pipeline"), string("runId"), instant("startedAt"),
        nullableLong("stateVersion"), pub == null ? null : pub.publication());
  }

  Segments.Segment segment() throws IOException {
    return new Segments.Segment(dataFiles("files"), strings("emptySplits"));
  }

  private Publication publication() throws IOException {
    Map<String, StagedObject> staged = new LinkedHashMap<>();
    for (Map.Entry<String, MetadataReader> e : objectMap("staged").entrySet()) {
      MetadataReader s = e.getValue();
      String target = s.string("target");
      if (target == null) {
        throw new IOException("Property " + path + "staged." + e.getKey() + ".target of " + what + " is missing");
      }
      staged.put(e.getKey(), StagedObject.builder().target(URI.create(target)).bytes(s.longValue("bytes"))
          .token(s.stringMap("token")).build());
    }
    List<Publication.Swap> replaces = new ArrayList<>();
    for (MetadataReader r : objects("replaces")) {
      replaces.add(new Publication.Swap(r.strings("inputs"), r.strings("outputs")));
    }
    return new Publication(string("root"), string("dataset"), string("mode"), string("format"),
        strings("partitionBy"), string("schema"), dataFiles("files"), staged, strings("splits"), replaces);
  }

  private List<DataFile> dataFiles(String name) throws IOException {
    List<DataFile> out = new ArrayList<>();
    for (MetadataReader r : objects(name)) {
      out.add(DataFile.builder().path(r.string("path")).partition(r.stringMap("partition")).rows(r.longValue("rows"))
          .bytes(r.longValue("bytes")).commitKey(r.string("commitKey")).splits(r.strings("splits")).build());
    }
    return out;
  }
}
