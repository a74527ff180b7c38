package io.paycron.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.TypeFactory;

/** The one JSON mapping of the V1 wire: snake_case keys, UNIX seconds, lenient on unknowns. */
final class Json {

  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          // i'mport treats a JSON null as absent, so unset request fields are simply left out
          .changeDefaultPropertyInclusion(
              incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
          .addModule(
              new SimpleModule("paycron-unix-seconds")
                  .addSerializer(Instant.class, new UnixSecondsSerializer())
                  .addDeserializer(Instant.class, new UnixSecondsDeserializer()))
          .build();

  private Json() {}

  static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  static JavaType type(Class<?> raw) {
    return MAPPER.getTypeFactory().constructType(raw);
  }

  static JavaType listOf(Class<?> element) {
    return MAPPER.getTypeFactory().constructCollectionType(List.class, element);
  }

  static JavaType pageOf(Class<?> element) {
    return MAPPER.getTypeFactory().constructParametricType(Page.class, element);
  }

  static JavaType envelopeOf(JavaType response) {
    TypeFactory types = MAPPER.getTypeFactory();
    return types.constructParametricType(Envelope.class, response);
  }

  /** The i'mport answer: {@code {"code": 0, "message": null, "response": …}}. */
  record Envelope<T>(int code, String message, T response) {}

  private static final class UnixSecondsSerializer extends ValueSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
      gen.writeNumber(value.getEpochSecond());
    }
  }

  /** Reads UNIX seconds; {@code 0} ("did not happen") becomes {@code null}, not the epoch. */
  private static final class UnixSecondsDeserializer extends ValueDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
      JsonToken token = p.currentToken();
      long seconds;
      if (token == JsonToken.VALUE_NUMBER_INT) {
        seconds = p.getLongValue();
      } else if (token == JsonToken.VALUE_NUMBER_FLOAT) {
        seconds = (long) p.getDoubleValue();
      } else if (token == JsonToken.VALUE_STRING && p.getString().matches("-?[0-9]+")) {
        seconds = Long.parseLong(p.getString());
      } else {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      return seconds == 0 ? null : Instant.ofEpochSecond(seconds);
    }
  }
}
