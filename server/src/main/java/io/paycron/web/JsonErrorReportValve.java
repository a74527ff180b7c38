package io.paycron.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat answers some requests itself, before any filter runs (an encoded slash or NUL in the path,
 * bad UTF-8): this makes those answers the i'mport envelope too, never an HTML page.
 */
public class JsonErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    try {
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      String message = status >= 500 ? "internal error" : "the request could not be read";
      response
          .getOutputStream()
          .write(
              RequestGuardFilter.envelope(status >= 500 ? -1 : 1, message)
                  .getBytes(StandardCharsets.UTF_8));
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      // the client is gone; nothing more to say
    }
  }
}
