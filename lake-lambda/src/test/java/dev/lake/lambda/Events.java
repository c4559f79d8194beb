package dev.lake.lambda;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Deserializes events the way the Lambda Java runtime does. */
final class Events {
  private Events() {}

  static <T> T parse(String json, Class<T> type) {
    return LambdaEventSerializers.serializerFor(type, Events.class.getClassLoader())
        .fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
