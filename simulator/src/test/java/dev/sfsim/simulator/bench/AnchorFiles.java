package dev.sfsim.simulator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What both servers load at start and restore on reset, the same size on both sides: 200 startup
 * fixture records for sfsim (one MessagingChannel and 199 MessagingEndUsers, as {@code
 * .ci/bench-image.sh} uses), and 200 file-backed stub mappings for WireMock, one of them the
 * stubbed GET the load runs hit.
 */
final class AnchorFiles {
  static final int RECORDS = 200;

  /** The path of the stubbed GET WireMock answers. */
  static final String STUB_PATH = "/bench/selective";

  private static final ObjectMapper JSON = new ObjectMapper();

  private AnchorFiles() {}

  /** Writes {@code directory/200-records.json}; returns the directory. */
  static Path fixtures(Path directory) throws IOException {
    ArrayNode records = JSON.createArrayNode();
    ObjectNode channel = records.addObject();
    channel.putObject("attributes").put("type", "MessagingChannel").put("referenceId", "ch");
    channel
        .put("MasterLabel", "WhatsApp US")
        .put("DeveloperName", "WhatsApp_US")
        .put("MessageType", "WhatsApp")
        .put("MessagingPlatformKey", "whatsapp:+15550100")
        .put("IsActive", true)
        .put("PlatformType", "Enhanced")
        .put("ConsentType", "ImplicitOptIn");
    for (int i = 0; i < RECORDS - 1; i++) {
      ObjectNode user = records.addObject();
      user.putObject("attributes").put("type", "MessagingEndUser").put("referenceId", "u" + i);
      user.put("Name", "User " + i)
          .put("MessagingChannelId", "@{ch.id}")
          .put("MessageType", "WhatsApp")
          .put("MessagingPlatformKey", String.format("whatsapp:+1555%07d", i))
          .put("MessagingConsentStatus", "ImplicitlyOptedIn");
    }
    Files.createDirectories(directory);
    ObjectNode file = JSON.createObjectNode();
    file.set("records", records);
    JSON.writeValue(directory.resolve(RECORDS + "-records.json").toFile(), file);
    return directory;
  }

  /**
   * Writes a WireMock root ({@code --root-dir}) whose {@code mappings/} holds 200 stubs: {@code GET
   * /bench/stub/<n>} and {@link #STUB_PATH}, which answers {@code body} as JSON (the simulator's
   * answer to the SOQL query, so both servers send the same bytes). Returns the root.
   */
  static Path wireMockRoot(Path root, String body) throws IOException {
    ArrayNode mappings = JSON.createArrayNode();
    for (int i = 0; i < RECORDS - 1; i++) {
      ObjectNode m = mappings.addObject();
      m.putObject("request").put("method", "GET").put("url", "/bench/stub/" + i);
      m.putObject("response")
          .put("status", 200)
          .put("body", "{\"n\":" + i + "}")
          .putObject("headers")
          .put("Content-Type", "application/json");
    }
    ObjectNode m = mappings.addObject();
    m.putObject("request").put("method", "GET").put("url", STUB_PATH);
    m.putObject("response")
        .put("status", 200)
        .put("body", body)
        .putObject("headers")
        .put("Content-Type", "application/json;charset=UTF-8");
    Files.createDirectories(root.resolve("mappings"));
    Files.createDirectories(root.resolve("__files"));
    ObjectNode file = JSON.createObjectNode();
    file.set("mappings", mappings);
    JSON.writeValue(root.resolve("mappings/bench.json").toFile(), file);
    return root;
  }
}
