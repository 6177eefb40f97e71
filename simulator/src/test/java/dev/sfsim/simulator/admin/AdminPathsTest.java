package dev.sfsim.simulator.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sfsim.simulator.TestSimulator;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The admin paths the module's client builds its URLs from are the paths the server routes: every
 * constant of {@link AdminPaths} is registered, server-wide or also per org.
 */
class AdminPathsTest {
  @Test
  void everyAdminPathIsRouted() throws IllegalAccessException {
    Set<String> routed =
        TestSimulator.get().routes().stream()
            .map(r -> r.substring(r.indexOf(' ') + 1))
            .collect(Collectors.toSet());
    List<String> missing = new ArrayList<>();
    for (Field f : AdminPaths.class.getFields()) {
      if (!Modifier.isStatic(f.getModifiers()) || f.getName().equals("ROOT")) {
        continue;
      }
      String path = (String) f.get(null);
      boolean sessionAction = f.getName().equals("MESSAGING_SESSION_ACTION");
      String expected = sessionAction ? AdminPaths.fill(path, "{id}", "accept") : path;
      if (!routed.contains(expected)) {
        missing.add(f.getName() + " " + path);
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void orgAdminPathsAreRoutedPerOrg() {
    Set<String> routed =
        TestSimulator.get().routes().stream()
            .map(r -> r.substring(r.indexOf(' ') + 1))
            .collect(Collectors.toSet());
    assertThat(routed)
        .contains("/__admin/orgs/{sfsimOrgId}/reset", "/__admin/orgs/{sfsimOrgId}/clock");
  }

  @Test
  void templatesAreFilledInOrderAndPathsMadePerOrg() {
    assertThat(AdminPaths.fill(AdminPaths.MESSAGING_SESSION_ACTION, "0Mw1", "end"))
        .isEqualTo("/__admin/messaging/sessions/0Mw1/end");
    assertThat(AdminPaths.forOrg("00D000000000001", AdminPaths.RESET))
        .isEqualTo("/__admin/orgs/00D000000000001/reset");
    assertThatThrownBy(() -> AdminPaths.fill(AdminPaths.FAULT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AdminPaths.forOrg("x", "/services/data"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
