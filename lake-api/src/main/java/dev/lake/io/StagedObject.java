package dev.lake.io;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.io.Serializable;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * An object written in full but not yet visible: a handle that {@link ObjectStore#publish} turns into the object at
 * {@link #target()}, or {@link ObjectStore#discard} removes. Serializable and small, so a commit record can carry it
 * and any process (a retry, the next run rolling a crashed run forward) can publish it later. What the handle holds
 * depends on the store: a hidden file name on a file system, an upload id and part ETags on S3.
 *
 * <pre>{@code
 * // given: URI uri, byte[] bytes
 * try (ObjectWriter out = store.newStagedWriter(uri)) {
 *   out.write(bytes);
 *   out.commit();                       // complete and durable, still invisible
 *   StagedObject staged = out.staged();
 *   store.publish(staged);              // visible now; publishing again does nothing
 * }
 * // a store's writer builds its handle:
 * StagedObject handle = StagedObject.builder().target(uri).bytes(bytes.length).token(Map.of("uploadId", "u-1"))
 *     .build();
 * }</pre>
 *
 * <p>A final class with accessors rather than a record, so that a new value is not a breaking change for the stores
 * that build it. The target and the token are required; the token is copied. Serializable with the serialVersionUID a
 * record has, 0, so that a handle serialized by the record of earlier versions reads back as this class; reading one
 * back goes through the builder, as the record's went through its constructor. The Jackson annotations give Lake's
 * databind mapper the record's JSON: the same properties in the same order.
 */
@JsonPropertyOrder({"target", "bytes", "token"})
@JsonDeserialize(builder = StagedObject.Builder.class)
public final class StagedObject implements Serializable {
  private static final long serialVersionUID = 0L;

  private final URI target;
  private final long bytes;
  private final Map<String, String> token;

  private StagedObject(Builder b) {
    target = Objects.requireNonNull(b.target, "target");
    bytes = b.bytes;
    token = Map.copyOf(Objects.requireNonNull(b.token, "token"));
  }

  /** A builder: no target or token yet (both required), size zero. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this handle's values, to change some of them. */
  public Builder toBuilder() {
    return builder().target(target).bytes(bytes).token(token);
  }

  /** Where the object appears once published. */
  @JsonProperty
  public URI target() {
    return target;
  }

  /** Its size. */
  @JsonProperty
  public long bytes() {
    return bytes;
  }

  /** What the store needs to publish or discard it (store-specific; never credentials). */
  @JsonProperty
  public Map<String, String> token() {
    return token;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof StagedObject s && bytes == s.bytes && target.equals(s.target)
        && token.equals(s.token);
  }

  @Override
  public int hashCode() {
    return Objects.hash(target, bytes, token);
  }

  /** Every value, named, as the record printed them. */
  @Override
  public String toString() {
    return "StagedObject[target=" + target + ", bytes=" + bytes + ", token=" + token + "]";
  }

  /** Read back through the builder, so a serialized handle is checked and copied as a built one is. */
  private Object readResolve() {
    return toBuilder().build();
  }

  /** Builds a {@link StagedObject}; an {@link ObjectWriter} that stages builds one when it commits. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class Builder {
    private URI target;
    private long bytes;
    private Map<String, String> token;

    private Builder() {}

    /** Sets {@link StagedObject#target()}; required. */
    public Builder target(URI value) {
      this.target = value;
      return this;
    }

    /** Sets {@link StagedObject#bytes()}. */
    public Builder bytes(long value) {
      this.bytes = value;
      return this;
    }

    /** Sets {@link StagedObject#token()}; required (empty for a store that needs nothing). */
    public Builder token(Map<String, String> value) {
      this.token = value;
      return this;
    }

    /** The {@link StagedObject} of the values set; throws {@link NullPointerException} without target or token. */
    public StagedObject build() {
      return new StagedObject(this);
    }
  }
}
