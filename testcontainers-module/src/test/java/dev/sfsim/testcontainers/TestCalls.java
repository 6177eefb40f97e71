package dev.sfsim.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** What the module's tests do as user code would: invoke the send action, make a certificate. */
public final class TestCalls {
  private TestCalls() {}

  /**
   * {@code POST {dataUrl}/actions/standard/sendConversationMessages} of the {@code Order_Shipped}
   * notification (order 1234, consent enforced, any session status), asserting 200.
   *
   * @param recipients comma-separated MessagingEndUser ids
   * @return the {@code requestId} output
   */
  public static String sendOrderShipped(String dataUrl, String accessToken, String recipients)
      throws Exception {
    String body =
        """
        {"inputs": [{"messageDefinitionName": "Order_Shipped", "requestType": "SendNotificationMessages",
          "isEnforceMessagingChannelConsent": true,
          "allowedSessionStatus": "Any", "messagingEndUserIds": "%s",
          "messagingDefinitionInputParameters": [{"name": "orderNumber", "textValue": "1234"}]}]}"""
            .formatted(recipients);
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(dataUrl + "/actions/standard/sendConversationMessages"))
                    .header("Authorization", "Bearer " + accessToken)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body().replaceAll("(?s).*\"requestId\"\\s*:\\s*\"([A-Za-z0-9]+)\".*", "$1");
  }

  /**
   * A self-signed X.509 certificate (RSA 2048, 30 days) in PEM form, made with the JDK's keytool.
   */
  public static String selfSignedPem(Path dir, String subject) throws Exception {
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    String store = dir.resolve("keys-" + System.nanoTime() + ".p12").toString();
    String[] keystore = {"-keystore", store, "-storepass", "changeit", "-alias", "jwt"};
    run(
        concat(
            new String[] {keytool, "-genkeypair", "-keyalg", "RSA", "-keysize", "2048"},
            new String[] {"-dname", subject, "-validity", "30", "-storetype", "PKCS12"},
            keystore));
    return run(concat(new String[] {keytool, "-exportcert", "-rfc"}, keystore));
  }

  private static String[] concat(String[]... parts) {
    return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }
}
