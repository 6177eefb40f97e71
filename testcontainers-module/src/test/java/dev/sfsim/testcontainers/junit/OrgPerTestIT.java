package dev.sfsim.testcontainers.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sfsim.testcontainers.LatencyProfile;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.RepeatedTest;

/**
 * {@code orgPerTest}: every test its own org, with the startup fixtures, invisible to the others.
 */
@SalesforceSimulatorTest(
    fixtures = {"fixtures/channel.json", "fixtures/component.json"},
    latencyProfile = LatencyProfile.INSTANT,
    orgPerTest = true)
class OrgPerTestIT {
  private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

  @RepeatedTest(3)
  void getsAFreshOrgOfItsOwn(SalesforceSimulator sfsim) {
    assertThat(SEEN.add(sfsim.getOrgId())).as("a new org id").isTrue();
    assertThat(sfsim.getAccessToken()).startsWith(sfsim.getOrgId().substring(0, 15) + "!");
    assertThat(sfsim.session().queryId("SELECT Id FROM Organization")).isEqualTo(sfsim.getOrgId());
    assertThat(sfsim.session().query("SELECT Id FROM MessagingChannel")).hasSize(1);
    assertThat(sfsim.session().query("SELECT Id FROM MessagingEndUser")).isEmpty();

    sfsim
        .admin()
        .loadFixtures(
            SalesforceSimulatorExtensionIT.END_USERS.formatted(
                SalesforceSimulatorExtensionIT.channelId(sfsim)));
    assertThat(sfsim.session().query("SELECT Id FROM MessagingEndUser")).hasSize(2);
  }
}
