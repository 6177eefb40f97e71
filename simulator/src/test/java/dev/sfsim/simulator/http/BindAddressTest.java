package dev.sfsim.simulator.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.sfsim.simulator.Simulator;
import dev.sfsim.simulator.SimulatorConfig;
import dev.sfsim.simulator.TestSimulator;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code SFSIM_BIND_ADDRESS}: loopback by default, so another host on the network reaches neither
 * the API nor {@code /__admin}; {@code 0.0.0.0} (the image's setting) opens it. And {@code GET
 * /__admin/orgs} never lists secrets.
 */
class BindAddressTest {

  /** An IPv4 address of this machine that is not loopback (the address another host would call). */
  private static Optional<InetAddress> externalAddress() throws IOException {
    return NetworkInterface.networkInterfaces()
        .filter(
            n -> {
              try {
                return n.isUp() && !n.isLoopback();
              } catch (IOException e) {
                return false;
              }
            })
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
        .findFirst();
  }

  private static boolean connects(InetAddress address, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(address, port), 2000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void loopbackByDefaultEveryInterfaceWhenAsked() throws IOException {
    assertThat(SimulatorConfig.defaults().bindAddress()).isEqualTo("127.0.0.1");
    assertThat(
            SimulatorConfig.fromEnvironment(Map.of("SFSIM_BIND_ADDRESS", "0.0.0.0")).bindAddress())
        .isEqualTo("0.0.0.0");
    Optional<InetAddress> external = externalAddress();
    assumeThat(external).as("a non-loopback IPv4 address on this machine").isPresent();
    Simulator shared = TestSimulator.get();
    assertThat(connects(InetAddress.getLoopbackAddress(), shared.port())).isTrue();
    assertThat(connects(external.get(), shared.port()))
        .as("the default simulator from " + external.get())
        .isFalse();
    assertThat(shared.listensOn()).isEqualTo("127.0.0.1:" + shared.port());

    try (Simulator open =
        Simulator.start(SimulatorConfig.defaults().withPort(0).withBindAddress("0.0.0.0"))) {
      assertThat(connects(external.get(), open.port())).isTrue();
      given()
          .baseUri("http://" + external.get().getHostAddress() + ":" + open.port())
          .get("/__admin/health")
          .then()
          .statusCode(200);
    }
  }

  @Test
  void theOrgListNeverShowsSecrets() {
    JsonPath created =
        given()
            .baseUri(TestSimulator.baseUrl())
            .post("/__admin/orgs")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    try {
      assertThat(created.getString("clientSecret")).isNotBlank();
      assertThat(created.getString("password")).isNotBlank();
      String list =
          given()
              .baseUri(TestSimulator.baseUrl())
              .get("/__admin/orgs")
              .then()
              .statusCode(200)
              .extract()
              .asString();
      JsonPath orgs = JsonPath.from(list);
      assertThat(orgs.getList("orgs.orgId"))
          .contains(TestSimulator.get().org().orgId(), created.getString("orgId"));
      assertThat(orgs.getList("orgs.username")).contains(created.getString("username"));
      assertThat(list)
          .doesNotContain(
              created.getString("clientSecret"),
              created.getString("password"),
              TestSimulator.get().config().clientSecret(),
              TestSimulator.get().config().password(),
              "clientSecret",
              "password");
    } finally {
      given()
          .baseUri(TestSimulator.baseUrl())
          .delete("/__admin/orgs/" + created.getString("orgId"))
          .then()
          .statusCode(204);
    }
  }
}
