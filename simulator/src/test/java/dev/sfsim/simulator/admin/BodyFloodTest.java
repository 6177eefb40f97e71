package dev.sfsim.simulator.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sfsim.simulator.TestSimulator;
import dev.sfsim.simulator.WithSimulator;
import io.restassured.path.json.JsonPath;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A flood of big bodies leaves the heap where it was: unauthenticated bodies are refused unread
 * (the journal records only their length), login-host bodies above 64 KB are refused before
 * anything reads them, and the journal keeps at most 64 KB of an authenticated body. Heap measured
 * in-process after a full GC; the figures are printed.
 */
@WithSimulator
class BodyFloodTest {
  private static final int REQUESTS = 45;
  private static final int BODY = 9 * 1024 * 1024;

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /**
   * Sends the whole body as an attacker would (no 100-continue), whatever the server does
   * meanwhile: the server answers before reading and may close the connection while the body is
   * still being written.
   */
  private static void rawPost(String base, String path, String type, byte[] body) {
    java.net.URI uri = java.net.URI.create(base);
    try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      var out = socket.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: "
                  + uri.getHost()
                  + "\r\nContent-Type: "
                  + type
                  + "\r\nContent-Length: "
                  + body.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      for (int off = 0; off < body.length; off += 65536) {
        out.write(body, off, Math.min(65536, body.length - off));
      }
      out.flush();
      socket.getInputStream().readAllBytes();
    } catch (java.io.IOException e) {
      // the server closed the connection on the unread body: that is the point
    }
  }

  @Test
  void bigBodiesDoNotGrowTheHeap() {
    byte[] big = new byte[BODY];
    Arrays.fill(big, (byte) 'x');
    String json =
        "{\"Name\":\""
            + new String(big, 0, BODY - 20, java.nio.charset.StandardCharsets.US_ASCII)
            + "\"}";
    String base = TestSimulator.baseUrl();
    String token = TestSimulator.token();
    long before = usedAfterGc();
    long peak = before;
    for (int i = 0; i < REQUESTS; i++) {
      rawPost(base, "/services/data/v60.0/sobjects/Account", "application/json", big);
      if (i % 5 == 0) {
        rawPost(base, "/services/oauth2/token", "application/x-www-form-urlencoded", big);
        given()
            .baseUri(base)
            .header("Authorization", "Bearer " + token)
            .contentType("application/json")
            .body(json)
            .post("/services/data/v60.0/sobjects/Account")
            .then()
            .statusCode(400);
        peak = Math.max(peak, usedAfterGc());
      }
    }
    long after = usedAfterGc();
    System.out.printf(
        "BodyFloodTest: %d unauthenticated REST + %d login-host + %<d authenticated 9 MB POSTs: heap after GC %d MB before, %d MB peak, %d MB after%n",
        REQUESTS, (REQUESTS + 4) / 5, before >> 20, peak >> 20, after >> 20);
    assertThat(peak - before).as("heap growth, bytes").isLessThan(48L * 1024 * 1024);

    // A client that waits for 100-continue is answered without sending its body.
    given()
        .baseUri(base)
        .header("Expect", "100-continue")
        .contentType("application/x-www-form-urlencoded")
        .body(json)
        .post("/services/oauth2/token")
        .then()
        .statusCode(413)
        .body("[0].errorCode", org.hamcrest.Matchers.equalTo("REQUEST_ENTITY_TOO_LARGE"));
    JsonPath journal =
        given().baseUri(base).get("/__admin/requests").then().statusCode(200).extract().jsonPath();
    assertThat(journal.getList("requests.findAll { it.status == 401 }.bodyTruncated", Long.class))
        .hasSize(REQUESTS)
        .allMatch(n -> n == BODY);
    assertThat(journal.getList("requests.findAll { it.status == 413 }.bodyTruncated", Long.class))
        .hasSize((REQUESTS + 4) / 5 + 1)
        .allMatch(n -> n >= BODY - 20);
    assertThat(journal.getList("requests.findAll { it.status == 401 }.body", String.class))
        .allMatch(String::isEmpty);
    assertThat(journal.getList("requests.findAll { it.status == 400 }.body", String.class))
        .isNotEmpty()
        .allMatch(b -> b.length() == 64 * 1024);
  }
}
