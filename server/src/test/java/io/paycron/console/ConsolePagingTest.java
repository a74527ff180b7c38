package io.paycron.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.paycron.support.TestDatabase;
import io.paycron.support.TestServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Lists longer than one page link to the next and back, with the filters kept. */
class ConsolePagingTest {

  @Test
  void aListLongerThanAPageLinksToOlderAndNewerPages() {
    try (TestServer server = TestServer.start(TestDatabase.SQLITE)) {
      AuditLog audit = server.bean(AuditLog.class);
      for (int i = 0; i < 55; i++) {
        audit.record("paging-ops", "test_action", "mer_sandbox", "object_" + i, "row " + i);
      }
      ConsoleHttp ops = ConsoleHttp.logIn(server, "paging-ops", "correct horse battery staple");

      HttpResponse<String> first = ops.get("/console/audit");
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.body()).contains("Older &rarr;", "page=2").endsWith("</html>\n");

      HttpResponse<String> second = ops.get("/console/audit?page=2");
      assertThat(second.statusCode()).isEqualTo(200);
      assertThat(second.body()).contains("&larr; Newer", "page=1", "</html>");
    }
  }
}
