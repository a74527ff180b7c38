package io.paycron.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The OpenAPI document at {@code /v3/api-docs} (and Swagger UI at {@code /swagger-ui.html}). The
 * controllers parse their bodies themselves (i'mport sends JSON or form with the same keys), so
 * springdoc could not see what they read: the document is written by the {@link EndpointDocs} beans
 * of this package instead of scanned (see apidocs.properties).
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:apidocs.properties")
class ApiDocsConfig {

  @Bean
  OpenAPI paycronOpenApi() {
    return new OpenAPI()
        .info(new Info().title("Paycron API").version("v1").description(ApiDocsText.INTRODUCTION))
        // relative, so that Swagger UI calls the server it was loaded from
        .servers(List.of(new Server().url("/").description("this Paycron server")))
        .components(
            new Components()
                .addSecuritySchemes(
                    Operations.MERCHANT_TOKEN,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name("Authorization")
                        .description(
                            "The `access_token` from `POST /users/getToken`, as `<token>` or"
                                + " `Bearer <token>`. It wins over X-ImpTokenHeader."))
                .addSecuritySchemes(
                    Operations.IMP_TOKEN_HEADER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name("X-ImpTokenHeader")
                        .description("The same access token, in i'mport's own header."))
                .addSecuritySchemes(
                    Operations.ADMIN_TOKEN,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("`Authorization: Bearer <PAYCRON_ADMIN_TOKEN>`.")));
  }

  @Bean
  OpenApiCustomizer paycronEndpoints(List<EndpointDocs> sections) {
    return openApi -> {
      ApiDocs docs = new ApiDocs();
      sections.forEach(section -> section.describe(docs));
      Components components = openApi.getComponents();
      components.addSchemas(Operations.ERROR_ENVELOPE, ApiDocsText.errorEnvelope());
      docs.schemas().forEach(components::addSchemas);
      Operations.sharedResponses().forEach(components::addResponses);
      Paths paths = new Paths();
      for (Endpoint endpoint : docs.endpoints()) {
        for (String path : endpoint.paths()) {
          PathItem item = paths.computeIfAbsent(path, p -> new PathItem());
          if (item.readOperationsMap().containsKey(method(endpoint))) {
            throw new IllegalStateException(
                endpoint.method() + " " + path + " is documented twice");
          }
          item.operation(method(endpoint), Operations.toOperation(endpoint, path));
        }
      }
      openApi.setPaths(sortedByPath(paths));
      openApi.setTags(docs.tags());
    };
  }

  private static PathItem.HttpMethod method(Endpoint endpoint) {
    return PathItem.HttpMethod.valueOf(endpoint.method());
  }

  private static Paths sortedByPath(Paths paths) {
    Paths sorted = new Paths();
    paths.keySet().stream().sorted().forEach(path -> sorted.addPathItem(path, paths.get(path)));
    return sorted;
  }
}
