package dev.sfsim.simulator.messaging.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfsim.simulator.messaging.FaultRule;
import dev.sfsim.simulator.messaging.MessagingComponent;
import dev.sfsim.simulator.messaging.MessagingTransaction.DueMessage;
import dev.sfsim.simulator.messaging.MessagingTransaction.Locked;
import dev.sfsim.simulator.messaging.MessagingTransaction.Startable;
import dev.sfsim.simulator.messaging.Recipient;
import dev.sfsim.simulator.messaging.SendRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What sending a request's due messages reads before its first write — the recipients of its due
 * messages, the fault rules and its component — read with its row lock and its due messages in one
 * round trip, and handed out once each to the transaction's first asks (later asks read again: the
 * transaction's own writes may have changed them, e.g. a rule's fired count).
 */
final class FirstReads {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The request's row, locked; nothing when another process holds it or it is not InProgress. */
  static final String LOCK =
      """
      SELECT id, message_definition, created_by_id,
          allow_existing_session_status, should_enforce_channel_consent,
             request_consent_type, comm_subscription_id,
                 session_longevity_preference, sfsim_parameters::text, sfsim_queued
      FROM conv_message_send_request WHERE id = :id AND request_status =
          'InProgress' FOR UPDATE SKIP LOCKED""";

  private static final String RECIPIENTS_OF_DUE =
      MessagingDao.RECIPIENTS_WHERE
          + "u.id IN (SELECT messaging_end_user_id FROM conv_message WHERE request_id = :id AND"
          + MessagingDao.DUE_OR_STARTABLE_WHERE
          + ")";

  private static final String COMPONENT_OF_REQUEST =
      ComponentRepository.FIND.replace(
          ":name", "(SELECT message_definition FROM conv_message_send_request WHERE id = :id)");

  private @Nullable Set<String> endUsers;
  private @Nullable Map<String, Recipient> recipients;
  private @Nullable List<FaultRule> rules;
  private @Nullable MessagingComponent component;
  private @Nullable String componentName;

  /** The lock's and the reads' statements, in the order {@link #read} reads their rows. */
  static List<Pipeline.Part> parts(String requestId, Instant now) {
    return List.of(
        new Pipeline.Part(LOCK, b -> b.value("id", requestId)),
        new Pipeline.Part(
            MessagingDao.DUE_OR_STARTABLE, b -> b.value("id", requestId).value("now", now)),
        new Pipeline.Part(RECIPIENTS_OF_DUE, b -> b.value("id", requestId).value("now", now)),
        new Pipeline.Part(FaultRepository.LIST, b -> {}),
        new Pipeline.Part(COMPONENT_OF_REQUEST, b -> b.value("id", requestId)));
  }

  /** The request and its due messages, when the lock was had; keeps the rest for the first asks. */
  Optional<Locked> read(Pipeline.Results results) throws SQLException {
    ResultSet rs = results.next();
    SendRequest request = rs.next() ? sendRequest(rs) : null;
    rs = results.next();
    List<DueMessage> inProgress = new ArrayList<>();
    List<DueMessage> pending = new ArrayList<>();
    Set<String> users = new HashSet<>();
    while (rs.next()) {
      DueMessage m =
          new DueMessage(
              rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getBoolean(4));
      (rs.getBoolean(5) ? pending : inProgress).add(m);
      users.add(m.messagingEndUserId());
    }
    rs = results.next();
    Map<String, Recipient> found = new HashMap<>();
    while (rs.next()) {
      Recipient r = recipient(rs);
      found.put(r.id(), r);
    }
    rs = results.next();
    List<FaultRule> list = new ArrayList<>();
    while (rs.next()) {
      list.add(FaultRepository.rule(rs));
    }
    rs = results.next();
    MessagingComponent c = rs.next() ? ComponentRepository.component(rs) : null;
    if (request == null) {
      return Optional.empty();
    }
    endUsers = users;
    recipients = found;
    rules = list;
    component = c;
    componentName = request.messageDefinition();
    return Optional.of(new Locked(request, new Startable(inProgress, pending)));
  }

  /** The recipients read, if they cover {@code endUserIds} and were not handed out yet. */
  @Nullable Map<String, Recipient> recipients(Collection<String> endUserIds) {
    Map<String, Recipient> r = recipients;
    Set<String> asked = endUsers;
    recipients = null;
    if (r == null || asked == null || !asked.containsAll(endUserIds)) {
      return null;
    }
    Map<String, Recipient> m = new HashMap<>();
    for (String id : endUserIds) {
      Recipient found = r.get(id);
      if (found != null) {
        m.put(id, found);
      }
    }
    return m;
  }

  /** The fault rules read, if not handed out yet. */
  @Nullable List<FaultRule> rules() {
    List<FaultRule> r = rules;
    rules = null;
    return r;
  }

  /** The component read, if it is {@code developerName}'s and not handed out yet. */
  @Nullable Optional<MessagingComponent> component(String developerName) {
    String name = componentName;
    componentName = null;
    return developerName.equals(name) ? Optional.ofNullable(component) : null;
  }

  /** The row of {@link #LOCK}. */
  static SendRequest sendRequest(ResultSet rs) throws SQLException {
    String parameters = rs.getString(9);
    try {
      return new SendRequest(
          rs.getString(1),
          rs.getString(2),
          rs.getString(3),
          rs.getString(4),
          rs.getBoolean(5),
          rs.getString(6),
          rs.getString(7),
          rs.getString(8),
          MAPPER.readTree(parameters),
          rs.getBoolean(10));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt parameters of a send request: " + parameters, e);
    }
  }

  /** A recipient row of {@link MessagingDao#RECIPIENTS_WHERE}. */
  static Recipient recipient(ResultSet rs) throws SQLException {
    return new Recipient(
        rs.getString("id"),
        rs.getString("platform_key"),
        rs.getString("message_type"),
        rs.getString("consent_status"),
        rs.getString("channel_id"),
        rs.getBoolean("channel_active"),
        rs.getString("channel_consent_type"),
        rs.getString("channel_message_type"),
        rs.getString("channel_platform_type"));
  }
}
