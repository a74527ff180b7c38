package io.paycron.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a request's parameters the way i'mport clients send them: JSON, form or multipart bodies
 * (with PHP-style {@code schedules[0][amount]} keys), plus the query string.
 */
@Component
public class ApiRequests {

  public static final int MAX_BODY_BYTES = 1 << 20;

  private final JsonMapper json =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  /** Body parameters merged over query parameters. */
  public ApiRequest body(HttpServletRequest request) {
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
    if (type.startsWith("application/x-www-form-urlencoded")
        || type.startsWith("multipart/form-data")) {
      // the container has parsed these bodies (and merged the query string) already
      return new ApiRequest(fromParameters(parameters(request)));
    }
    byte[] body = readLimited(request);
    ObjectNode values = fromParameters(parameters(request));
    if (isBlank(body)) {
      return new ApiRequest(values);
    }
    if (!type.isEmpty() && !type.contains("json") && !type.startsWith("text/plain")) {
      throw new ApiException.UnsupportedMediaType(
          "Content-Type "
              + request.getContentType()
              + " is not supported: send"
              + " application/json or application/x-www-form-urlencoded");
    }
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JacksonException e) {
      throw new ApiException.InvalidRequest(
          "the request body is not valid JSON: " + e.getOriginalMessage());
    } catch (RuntimeException e) {
      // e.g. a number whose exponent does not fit an int: valid JSON, but not a usable value
      throw new ApiException.InvalidRequest("the request body holds a number that cannot be read");
    }
    if (!(root instanceof ObjectNode object)) {
      throw new ApiException.InvalidRequest("the request body must be a JSON object");
    }
    values.setAll(object);
    return new ApiRequest(values);
  }

  /**
   * The container's parsed parameters. Tomcat refuses malformed percent-encoding, empty names and
   * more than 1,000 parameters by throwing here; that is the client's error, not ours.
   */
  private static Map<String, String[]> parameters(HttpServletRequest request) {
    try {
      return request.getParameterMap();
    } catch (RuntimeException e) {
      throw new ApiException.InvalidRequest(
          "the request parameters could not be read: check the percent-encoding, that every"
              + " parameter has a name, and that there are at most 1,000 parameters");
    }
  }

  /** Query string parameters only (GET and DELETE). */
  public ApiRequest query(HttpServletRequest request) {
    return new ApiRequest(fromParameters(parameters(request)));
  }

  private static ApiException.TooLarge tooLarge() {
    return new ApiException.TooLarge(
        "the request body is larger than " + MAX_BODY_BYTES + " bytes (1 MiB)");
  }

  private static byte[] readLimited(HttpServletRequest request) {
    try (InputStream in = request.getInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int read;
      while ((read = in.read(buffer)) != -1) {
        out.write(buffer, 0, read);
        if (out.size() > MAX_BODY_BYTES) {
          throw tooLarge();
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new ApiException.InvalidRequest("the request body could not be read");
    }
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Turns {@code a=1}, {@code a[]=1&a[]=2}, {@code s[0][x]=1} and {@code e[k]=v} into a JSON tree
   * of strings, so forms and JSON share one set of accessors. Keys whose shapes disagree (a[]=1 and
   * a[x]=2) keep the first shape; indexes are limited so a key cannot allocate a huge array.
   */
  static ObjectNode fromParameters(Map<String, String[]> parameters) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
      insert(root, keyPath(entry.getKey()), entry.getValue());
    }
    return root;
  }

  private static List<String> keyPath(String key) {
    int bracket = key.indexOf('[');
    if (bracket <= 0 || !key.endsWith("]")) {
      return List.of(key);
    }
    List<String> path = new ArrayList<>();
    path.add(key.substring(0, bracket));
    path.addAll(Arrays.asList(key.substring(bracket + 1, key.length() - 1).split("\\]\\[", -1)));
    return path;
  }

  private static void insert(ObjectNode root, List<String> path, String[] values) {
    JsonNode node = root;
    for (int i = 0; i < path.size() - 1 && node != null; i++) {
      String next = path.get(i + 1);
      node = childContainer(node, path.get(i), next.isEmpty() || isIndex(next));
    }
    String last = path.get(path.size() - 1);
    JsonNode leaf =
        values.length == 1 ? JsonNodeFactory.instance.stringNode(values[0]) : toArray(values);
    if (node instanceof ArrayNode array && last.isEmpty()) {
      for (String value : values) {
        array.add(value);
      }
    } else if (node instanceof ObjectNode object && !object.has(last)) {
      object.set(last, leaf);
    } else if (node instanceof ArrayNode array && isIndex(last)) {
      int index = Integer.parseInt(last);
      while (array.size() <= index) {
        array.addNull();
      }
      array.set(index, leaf);
    }
  }

  private static boolean isIndex(String segment) {
    return segment.matches("\\d{1,4}");
  }

  /** The container at {@code name} inside {@code parent}, created when absent; null on a clash. */
  private static JsonNode childContainer(JsonNode parent, String name, boolean wantArray) {
    JsonNode existing;
    if (parent instanceof ObjectNode object) {
      existing = object.get(name);
      if (existing == null || existing.isNull()) {
        return wantArray ? object.putArray(name) : object.putObject(name);
      }
    } else if (parent instanceof ArrayNode array && (isIndex(name) || name.isEmpty())) {
      int index = name.isEmpty() ? array.size() : Integer.parseInt(name);
      while (array.size() <= index) {
        array.addNull();
      }
      existing = array.get(index);
      if (existing == null || existing.isNull()) {
        JsonNode created =
            wantArray
                ? JsonNodeFactory.instance.arrayNode()
                : JsonNodeFactory.instance.objectNode();
        array.set(index, created);
        return created;
      }
    } else {
      return null;
    }
    return existing.isArray() == wantArray ? existing : null;
  }

  private static void putValues(ObjectNode target, String key, String[] values) {
    if (values.length == 1) {
      target.put(key, values[0]);
    } else {
      target.set(key, toArray(values));
    }
  }

  private static ArrayNode toArray(String[] values) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (String value : values) {
      array.add(value);
    }
    return array;
  }
}
