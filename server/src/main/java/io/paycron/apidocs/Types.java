package io.paycron.apidocs;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.List;

/**
 * The small pieces every schema of the document is built from, in the wire conventions of API.md
 * §1: snake_case keys, UNIX seconds, amounts as JSON numbers, {@code 0} for a time that did not
 * happen.
 */
public final class Types {

  private Types() {}

  public static Schema<?> string(String description) {
    return new StringSchema().description(description);
  }

  /** A string with a fixed set of values. */
  public static Schema<?> oneOf(String description, String... values) {
    StringSchema schema = new StringSchema();
    schema.setEnum(List.of(values));
    return schema.description(description);
  }

  public static Schema<?> integer(String description) {
    return new IntegerSchema().format("int64").description(description);
  }

  public static Schema<?> int32(String description) {
    return new IntegerSchema().description(description);
  }

  /** A time on the wire: integer UNIX seconds, {@code 0} when it did not happen. */
  public static Schema<?> seconds(String description) {
    return integer(description + " (UNIX seconds; 0 when unset)");
  }

  /** Money as i'mport sends it: a JSON number in the currency's major unit (KRW has none). */
  public static Schema<?> amount(String description) {
    return new NumberSchema().description(description + " (e.g. 8900 KRW, 12.34 USD)");
  }

  public static Schema<?> bool(String description) {
    return new BooleanSchema().description(description);
  }

  public static Schema<?> arrayOf(Schema<?> items, String description) {
    return new ArraySchema().items(items).description(description);
  }

  /** A reference to a schema in {@code components/schemas}. */
  public static Schema<?> ref(String component) {
    return new Schema<>().$ref("#/components/schemas/" + component);
  }

  /** JSON {@code null} is a value this field may take (OpenAPI 3.0 spelling). */
  public static Schema<?> nullable(Schema<?> schema) {
    if (schema.get$ref() != null) {
      // 3.0 ignores siblings of $ref: wrap it so that the nullability is kept
      return new ComposedNullable(schema);
    }
    return schema.nullable(true);
  }

  /** An object of free-form keys (e.g. {@code extra}, gateway credentials). */
  public static Schema<?> freeObject(String description) {
    return new ObjectSchema().description(description);
  }

  /** An object schema with the given properties, in order; {@code required} names some of them. */
  public static ObjectSchema object(String description, List<Field> fields) {
    ObjectSchema schema = new ObjectSchema();
    schema.description(description);
    for (Field field : fields) {
      schema.addProperty(field.name(), field.schema());
      if (field.required()) {
        schema.addRequiredItem(field.name());
      }
    }
    return schema;
  }

  /**
   * {@code allOf: [$ref]} with {@code nullable: true}: the 3.0 way to say "this object or null".
   */
  private static final class ComposedNullable
      extends io.swagger.v3.oas.models.media.ComposedSchema {
    ComposedNullable(Schema<?> ref) {
      addAllOfItem(ref);
      setNullable(true);
    }
  }
}
