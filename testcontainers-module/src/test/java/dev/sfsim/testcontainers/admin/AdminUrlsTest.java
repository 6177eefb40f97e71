package dev.sfsim.testcontainers.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sfsim.simulator.admin.AdminPaths;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The client's URLs come from the server's path templates, with values encoded. */
class AdminUrlsTest {
  private static final String BASE = "http://localhost:8080";

  @Test
  void theDefaultOrgCallsThePathAsTheServerRegistersIt() {
    AdminUrls urls = new AdminUrls(BASE, null);

    assertThat(urls.org(AdminPaths.RESET)).isEqualTo(BASE + "/__admin/reset");
    assertThat(urls.org(AdminPaths.MESSAGING_SESSION_ACTION, "0Mw000000000001AAA", "accept"))
        .isEqualTo(BASE + "/__admin/messaging/sessions/0Mw000000000001AAA/accept");
  }

  @Test
  void anotherOrgCallsItsPrefixButServerWidePathsStayGlobal() {
    AdminUrls urls = new AdminUrls(BASE, "00D000000000002AAA");

    assertThat(urls.org(AdminPaths.FAULT, "7"))
        .isEqualTo(BASE + "/__admin/orgs/00D000000000002AAA/faults/7");
    assertThat(urls.global(AdminPaths.ORGS)).isEqualTo(BASE + "/__admin/orgs");
    assertThat(urls.global(AdminPaths.HEALTH)).isEqualTo(BASE + "/__admin/health");
  }

  @Test
  void valuesAreEncodedAndTheirNumberChecked() {
    AdminUrls urls = new AdminUrls(BASE, null);

    assertThat(urls.org(AdminPaths.MESSAGING_READ, "a/b?c"))
        .isEqualTo(BASE + "/__admin/messaging/a%2Fb%3Fc/read");
    assertThatThrownBy(() -> urls.org(AdminPaths.FAULT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aQueryKeepsOnlyTheGivenValues() {
    Map<String, @Nullable String> params = new LinkedHashMap<>();
    params.put("method", "GET");
    params.put("pathPrefix", null);
    params.put("since", "2026-01-01T00:00:00Z");

    assertThat(AdminUrls.query(params)).isEqualTo("?method=GET&since=2026-01-01T00%3A00%3A00Z");
    assertThat(AdminUrls.query(Map.of())).isEmpty();
  }
}
