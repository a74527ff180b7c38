package io.paycron.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every route the server serves is in /v3/api-docs, fully described; nothing documented is missing
 * from the server; and the document holds together (references resolve, ids are unique). A new
 * endpoint without an entry in an {@link EndpointDocs} class fails here.
 */
class ApiDocsCompletenessTest {

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
  private static TestServer server;
  private static JsonNode document;

  /** One method on one path, as served and as documented. */
  record Route(String method, String path) implements Comparable<Route> {
    @Override
    public int compareTo(Route other) {
      return (path + " " + method).compareTo(other.path + " " + other.method);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  @BeforeAll
  static void start() {
    server = TestServer.start(TestDatabase.SQLITE);
    document = ApiDocument.fetch(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The JSON API's routes: Paycron's controllers, without the console, actuator and /error. */
  private static Map<Route, HandlerMethod> servedRoutes() {
    Map<Route, HandlerMethod> routes = new java.util.TreeMap<>();
    List<Map.Entry<RequestMappingInfo, HandlerMethod>> mappings = new ArrayList<>();
    for (HandlerMapping mapping : server.bean(DispatcherServlet.class).getHandlerMappings()) {
      if (mapping instanceof RequestMappingHandlerMapping annotated) {
        mappings.addAll(annotated.getHandlerMethods().entrySet());
      }
    }
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings) {
      HandlerMethod handler = entry.getValue();
      if (!handler.getBeanType().getPackageName().startsWith("io.paycron")) {
        continue; // springdoc's own /v3/api-docs and Swagger UI config
      }
      for (String path : entry.getKey().getPatternValues()) {
        if (path.equals("/error") || path.startsWith("/console") || path.startsWith("/actuator")) {
          continue;
        }
        Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
        assertThat(methods).as("%s serves every method: name them", path).isNotEmpty();
        methods.forEach(m -> routes.put(new Route(m.name(), path), handler));
      }
    }
    return routes;
  }

  private static Set<Route> documentedRoutes() {
    Set<Route> routes = new TreeSet<>();
    document
        .get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .propertyNames()
                    .forEach(m -> routes.add(new Route(m.toUpperCase(), path.getKey()))));
    return routes;
  }

  @Test
  void everyServedRouteIsDocumentedAndNothingElse() {
    Set<Route> served = servedRoutes().keySet();
    assertThat(served).as("the JSON API's routes").hasSizeGreaterThan(40);
    Set<Route> undocumented = new TreeSet<>(served);
    undocumented.removeAll(documentedRoutes());
    assertThat(undocumented)
        .as("routes without documentation: add them to an EndpointDocs class in io.paycron.apidocs")
        .isEmpty();
    Set<Route> stale = new TreeSet<>(documentedRoutes());
    stale.removeAll(served);
    assertThat(stale).as("documented routes that the server does not serve").isEmpty();
  }

  @Test
  void everyOperationHasSummaryTagResponseSchemaAndErrors() {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<Route, HandlerMethod> route : servedRoutes().entrySet()) {
      JsonNode operation = operation(route.getKey());
      if (operation.isMissingNode()) {
        continue; // reported by everyServedRouteIsDocumentedAndNothingElse
      }
      String name = route.getKey().toString();
      if (operation.path("summary").asString("").isBlank()) {
        problems.add(name + ": no summary");
      }
      if (operation.path("tags").isEmpty()) {
        problems.add(name + ": no tag");
      }
      JsonNode envelope =
          operation.at("/responses/200/content/application~1json/schema/properties");
      if (!envelope.has("code") || !envelope.has("message") || !envelope.has("response")) {
        problems.add(name + ": the 200 answer is not described as the envelope");
      } else if (ApiDocument.resolve(document, envelope.get("response")).isEmpty()) {
        problems.add(name + ": the envelope's response has no schema");
      }
      if (!operation.path("responses").has("405") || !operation.path("responses").has("503")) {
        problems.add(name + ": the shared error statuses are missing");
      }
      boolean secured = !operation.path("security").isEmpty();
      if (secured != !name.equals("POST /users/getToken")) {
        problems.add(name + ": security is " + operation.path("security"));
      }
      if (secured && !operation.path("responses").has("401")) {
        problems.add(name + ": needs a token but documents no 401");
      }
      Set<String> pathParameters = new HashSet<>();
      operation
          .path("parameters")
          .forEach(
              p -> {
                if (p.path("in").asString().equals("path")) {
                  pathParameters.add(p.path("name").asString());
                }
                if (p.path("description").asString("").isBlank()) {
                  problems.add(name + ": parameter " + p.path("name") + " has no description");
                }
              });
      Matcher variables = VARIABLE.matcher(route.getKey().path());
      while (variables.find()) {
        if (!pathParameters.remove(variables.group(1))) {
          problems.add(name + ": path variable {" + variables.group(1) + "} is not described");
        }
      }
      if (readsBody(route.getKey(), route.getValue())) {
        JsonNode content = operation.at("/requestBody/content");
        for (String type : List.of("application/json", "application/x-www-form-urlencoded")) {
          JsonNode schema = content.path(type).path("schema");
          if (!schema.has("properties") || schema.get("properties").isEmpty()) {
            problems.add(name + ": reads a body, but its " + type + " schema lists no keys");
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /** POST/PUT handlers that read the request (i'mport bodies are parsed from the raw request). */
  private static boolean readsBody(Route route, HandlerMethod handler) {
    if (!route.method().equals("POST") && !route.method().equals("PUT")) {
      return false;
    }
    for (org.springframework.core.MethodParameter parameter : handler.getMethodParameters()) {
      if (parameter.getParameterType() == HttpServletRequest.class
          || parameter.hasParameterAnnotation(RequestBody.class)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void theDocumentHoldsTogether() {
    assertThat(document.path("openapi").asString()).startsWith("3.0");
    assertThat(document.at("/info/title").asString()).isNotBlank();
    List<String> problems = new ArrayList<>();
    checkReferences(document, "", problems);
    Set<String> ids = new HashSet<>();
    Set<String> tags = new HashSet<>();
    document.path("tags").forEach(t -> tags.add(t.path("name").asString()));
    JsonNode schemes = document.at("/components/securitySchemes");
    for (Route route : documentedRoutes()) {
      JsonNode operation = operation(route);
      if (!ids.add(operation.path("operationId").asString())) {
        problems.add(route + ": operationId " + operation.path("operationId") + " twice");
      }
      operation
          .path("tags")
          .forEach(
              t -> {
                if (!tags.contains(t.asString())) {
                  problems.add(route + ": tag " + t + " is not declared");
                }
              });
      operation
          .path("security")
          .forEach(
              requirement ->
                  requirement
                      .propertyNames()
                      .forEach(
                          scheme -> {
                            if (!schemes.has(scheme)) {
                              problems.add(route + ": unknown security scheme " + scheme);
                            }
                          }));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void swaggerParserFindsTheDocumentValid() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result =
        new OpenAPIV3Parser().readContents(document.toString(), null, options);
    assertThat(result.getMessages()).as("OpenAPI 3 validation messages").isEmpty();
    assertThat(result.getOpenAPI().getPaths()).hasSameSizeAs(document.get("paths").propertyNames());

    // the validator is live: the same document with an operation missing its answers is refused
    tools.jackson.databind.node.ObjectNode broken =
        (tools.jackson.databind.node.ObjectNode) document.deepCopy();
    ((tools.jackson.databind.node.ObjectNode) broken.at("/paths/~1users~1getToken/post"))
        .remove("responses");
    assertThat(new OpenAPIV3Parser().readContents(broken.toString(), null, options).getMessages())
        .isNotEmpty();
  }

  private static void checkReferences(JsonNode node, String where, List<String> problems) {
    if (node.isObject()) {
      if (node.has("$ref")) {
        String ref = node.get("$ref").asString();
        if (!ref.startsWith("#/") || document.at(ref.substring(1)).isMissingNode()) {
          problems.add(where + ": unresolved $ref " + ref);
        }
      }
      node.properties()
          .forEach(e -> checkReferences(e.getValue(), where + "/" + e.getKey(), problems));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        checkReferences(node.get(i), where + "/" + i, problems);
      }
    }
  }

  private static JsonNode operation(Route route) {
    return document.path("paths").path(route.path()).path(route.method().toLowerCase());
  }
}
