package dev.sfsim.simulator.messaging;

import dev.sfsim.simulator.catalog.ActorType;
import dev.sfsim.simulator.catalog.EntryType;
import dev.sfsim.simulator.catalog.MessageStatus;
import dev.sfsim.simulator.catalog.MessageType;
import dev.sfsim.simulator.catalog.SessionStatus;
import dev.sfsim.simulator.ids.SalesforceIds;
import dev.sfsim.simulator.messaging.MessagingTransaction.DeliveryError;
import dev.sfsim.simulator.messaging.MessagingTransaction.DueMessage;
import dev.sfsim.simulator.messaging.MessagingTransaction.MessageUpdate;
import dev.sfsim.simulator.messaging.MessagingTransaction.NewEntry;
import dev.sfsim.simulator.messaging.MessagingTransaction.NewSession;
import dev.sfsim.simulator.messaging.MessagingTransaction.OpenSession;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Attempts a batch of due messages of one request inside the dispatcher's transaction, in recipient
 * order, following the README's "Messaging behaviour" rules: end user and channel, consent, session
 * gating, fault rules, then the send — a MessagingSession (Origin {@code TriggeredOutbound},
 * AgentType {@code System}, ChannelType from the channel) per SessionLongevityPreference, a
 * ConversationEntry (EntryType {@code Text}, ActorType {@code System}, MessageStatus {@code Sent})
 * and an outbox entry. Reads are one query per kind for the whole batch and writes one JDBC batch
 * per table.
 */
final class BatchSender {
  /** KeepSessionOpen sessions end after this long without an end-user reply. */
  static final Duration SESSION_TIMEOUT = Duration.ofHours(48);

  private final MessagingSettings settings;

  BatchSender(MessagingSettings settings) {
    this.settings = settings;
  }

  /**
   * One message to send: its recipient, its session (existing id or index of a new one) and its
   * fault.
   */
  private record Planned(
      DueMessage m,
      Recipient r,
      @Nullable String existingSession,
      int newSession,
      @Nullable FaultRule undeliverable) {}

  /** A session this batch creates. */
  private static final class Fresh {
    final Recipient r;
    int messages;

    Fresh(Recipient r) {
      this.r = r;
    }
  }

  /**
   * @param sent receives the outbox entries written (for the event stream, once the transaction
   *     commits)
   * @return the earliest retry instant when a message failed transiently
   */
  Optional<Instant> send(
      MessagingTransaction tx,
      SendRequest req,
      List<DueMessage> due,
      Instant now,
      List<OutboxEntry> sent) {
    Set<String> userIds = new LinkedHashSet<>();
    due.forEach(m -> userIds.add(m.messagingEndUserId()));
    Map<String, Recipient> recipients = tx.recipients(userIds);
    Map<String, List<OpenSession>> open = new HashMap<>();
    boolean end = "EndSession".equals(req.sessionLongevity());
    boolean append = "KeepSessionOpenOrAppend".equals(req.sessionLongevity());
    boolean gated = req.allowedSessionStatus() != null && !req.allowedSessionStatus().equals("Any");
    if (gated || append) {
      for (OpenSession s : tx.openSessions(userIds)) {
        open.computeIfAbsent(s.messagingEndUserId(), k -> new ArrayList<>()).add(s);
      }
    }
    Set<String> subscribed =
        req.enforceConsent() && "CommunicationSubscription".equals(req.consentType())
            ? tx.subscriptionConsents(
                req.commSubscriptionId(), userIds, now.atZone(ZoneOffset.UTC).toLocalDate())
            : Set.of();
    List<FaultRule> rules = tx.faultRules();
    Optional<MessagingComponent> component = tx.component(req.messageDefinition());
    String text = component.map(c -> Templates.render(c.text(), req.parameters())).orElse(null);
    boolean templateApproved =
        component.map(c -> c.externalTemplateStatus().equals("Approved")).orElse(true);

    List<MessageUpdate> updates = new ArrayList<>();
    List<DeliveryError> errors = new ArrayList<>();
    List<Planned> planned = new ArrayList<>();
    List<Fresh> fresh = new ArrayList<>();
    Map<String, Integer> freshByUser = new HashMap<>();
    Map<String, Integer> fired = new LinkedHashMap<>();
    Instant retryAt = null;
    for (DueMessage m : due) {
      Recipient r = recipients.get(m.messagingEndUserId());
      Optional<String> failure = SendRules.failure(req, r, subscribed, templateApproved);
      if (failure.isEmpty() && text == null) {
        failure = Optional.of("MessagingComponentNotFound");
      }
      if (failure.isPresent()) {
        updates.add(update(m, "Failed", failure.get(), null, null));
        errors.add(error(req, m, r, failure.get(), now));
        continue;
      }
      java.util.Objects.requireNonNull(r); // failure() is empty only for a known recipient
      List<OpenSession> sessions = open.getOrDefault(r.id(), List.of());
      if (SessionGate.holds(
          req.allowedSessionStatus(), sessions.stream().map(OpenSession::status).toList())) {
        updates.add(update(m, "Held", null, null, null));
        continue;
      }
      FaultRule rule = applicable(rules, fired, r, m);
      if (rule != null) {
        fired.merge(rule.id(), 1, Integer::sum);
        switch (rule.effect()) {
          case "fail" -> {
            String reason = reason(rule);
            updates.add(update(m, "Failed", reason, null, null));
            errors.add(error(req, m, r, reason, now));
            continue;
          }
          case "transient" -> {
            Instant at =
                now.plus(
                    settings
                        .latency()
                        .retryBackoff
                        .multipliedBy(1L << Math.min(20, m.transientFailures())));
            retryAt = retryAt == null || at.isBefore(retryAt) ? at : retryAt;
            updates.add(
                new MessageUpdate(
                    m.messageIdentifier(),
                    "Pending",
                    null,
                    null,
                    at,
                    m.transientFailures() + 1,
                    m.delayed(),
                    null,
                    null,
                    null,
                    null));
            continue;
          }
          case "delay" -> {
            updates.add(
                new MessageUpdate(
                    m.messageIdentifier(),
                    "InProgress",
                    null,
                    null,
                    now.plus(rule.delay()),
                    m.transientFailures(),
                    true,
                    null,
                    null,
                    null,
                    null));
            continue;
          }
          default -> {
            /* undeliverable: sent, then Error */
          }
        }
      }
      String existing = null;
      int newIndex = -1;
      if (append && freshByUser.containsKey(r.id())) {
        newIndex = freshByUser.get(r.id());
      } else if (append) {
        existing =
            sessions.stream()
                .filter(s -> s.status().equals(SessionStatus.NEW.value()))
                .map(OpenSession::id)
                .findFirst()
                .orElse(null);
      }
      if (existing == null && newIndex < 0) {
        newIndex = fresh.size();
        fresh.add(new Fresh(r));
        freshByUser.put(r.id(), newIndex);
        if (!end) {
          open.computeIfAbsent(r.id(), k -> new ArrayList<>())
              .add(0, new OpenSession("fresh", r.id(), SessionStatus.NEW.value()));
        }
      }
      if (newIndex >= 0) {
        fresh.get(newIndex).messages++;
      }
      planned.add(
          new Planned(
              m,
              r,
              existing,
              newIndex,
              rule != null && rule.effect().equals("undeliverable") ? rule : null));
    }
    write(tx, req, text, planned, fresh, end, now, updates, sent);
    tx.updateMessages(updates);
    if (!errors.isEmpty()) {
      tx.insertDeliveryErrors(errors);
    }
    if (!fired.isEmpty()) {
      tx.faultsFired(fired);
    }
    return Optional.ofNullable(retryAt);
  }

  private void write(
      MessagingTransaction tx,
      SendRequest req,
      @Nullable String text,
      List<Planned> planned,
      List<Fresh> fresh,
      boolean end,
      Instant now,
      List<MessageUpdate> updates,
      List<OutboxEntry> sent) {
    if (planned.isEmpty()) {
      return;
    }
    String owner = req.queued() ? settings.integrationUserId() : req.createdById();
    MessagingTransaction.Numbers taken =
        tx.newNumbersAndSessionNames(fresh.size() + planned.size(), fresh.size());
    List<Long> numbers = taken.ids();
    List<String> sessionIds =
        numbers.subList(0, fresh.size()).stream()
            .map(n -> SalesforceIds.generate("0Mw", n))
            .toList();
    List<String> names = taken.sessionNames();
    List<NewSession> sessions = new ArrayList<>();
    for (int i = 0; i < fresh.size(); i++) {
      Recipient r = fresh.get(i).r;
      String channelType = MessageType.sessionChannelType(r.channelMessageType());
      sessions.add(
          new NewSession(
              sessionIds.get(i),
              names.get(i),
              end ? SessionStatus.ENDED.value() : SessionStatus.NEW.value(),
              "TriggeredOutbound",
              channelType,
              r.id(),
              r.channelId(),
              owner,
              now,
              end ? null : now.plus(SESSION_TIMEOUT),
              enhanced(r) ? null : fresh.get(i).messages,
              0)); // "isn't calculated in enhanced Messaging sessions"
    }
    if (!sessions.isEmpty()) {
      tx.insertSessions(sessions);
    }
    List<String> reused =
        planned.stream().map(Planned::existingSession).filter(s -> s != null).toList();
    Map<String, Integer> seq = new HashMap<>(reused.isEmpty() ? Map.of() : tx.maxEntrySeq(reused));
    List<String> counted =
        planned.stream()
            .filter(p -> p.existingSession() != null && !enhanced(p.r()))
            .map(Planned::existingSession)
            .toList();
    if (!counted.isEmpty()) {
      tx.countAgentMessages(counted, now);
    }
    List<String> entryIds =
        numbers.subList(fresh.size(), numbers.size()).stream()
            .map(n -> SalesforceIds.generate("0Zy", n))
            .toList();
    List<NewEntry> visible = new ArrayList<>();
    List<NewEntry> held = new ArrayList<>();
    List<OutboxEntry> outbox = new ArrayList<>();
    Duration deliver = settings.latency().deliverDelay;
    Duration read = settings.latency().readDelay;
    for (int i = 0; i < planned.size(); i++) {
      Planned p = planned.get(i);
      String sessionId =
          p.existingSession() != null ? p.existingSession() : sessionIds.get(p.newSession());
      int n = seq.merge(sessionId, 1, Integer::sum);
      boolean enhanced = enhanced(p.r()) && !settings.immediateEntries();
      FaultRule u = p.undeliverable();
      // A zero delay (instant profile) is written with the send instead of being scheduled.
      MessageStatus entryStatus =
          u != null || !deliver.isZero()
              ? MessageStatus.SENT
              : read.isZero() ? MessageStatus.READ : MessageStatus.DELIVERED;
      String status = entryStatus.value();
      NewEntry e =
          new NewEntry(
              entryIds.get(i),
              sessionId,
              n,
              EntryType.TEXT.value(),
              ActorType.SYSTEM.value(),
              null,
              "System",
              enhanced ? null : text,
              p.m().messageIdentifier().toString(),
              status,
              owner,
              now);
      // Documented: entries appear when the session ends, except the first of a standard session
      // (never in enhanced ones).
      (!settings.immediateEntries() && (enhanced || n > 1) && !end ? held : visible).add(e);
      outbox.add(
          new OutboxEntry(
              p.m().messageIdentifier(),
              req.id(),
              p.r().id(),
              p.r().platformKey(),
              p.r().channelId(),
              p.r().messageType(),
              sessionId,
              req.messageDefinition(),
              text,
              now,
              status));
      updates.add(
          new MessageUpdate(
              p.m().messageIdentifier(),
              "Sent",
              null,
              sessionId,
              null,
              p.m().transientFailures(),
              p.m().delayed(),
              entryStatus == MessageStatus.SENT ? now.plus(deliver) : null,
              u == null && entryStatus != MessageStatus.READ ? now.plus(read) : null,
              u == null ? null : (u.statusCode() == null ? "UNDELIVERABLE" : u.statusCode()),
              u == null ? null : reason(u)));
    }
    if (!visible.isEmpty()) {
      tx.insertEntries(visible, false);
    }
    if (!held.isEmpty()) {
      tx.insertEntries(held, true);
    }
    tx.insertOutbox(outbox);
    sent.addAll(outbox);
  }

  private static boolean enhanced(Recipient r) {
    return "Enhanced".equals(r.channelPlatformType());
  }

  /** The first rule that matches and still applies to this message. */
  private static @Nullable FaultRule applicable(
      List<FaultRule> rules, Map<String, Integer> fired, Recipient r, DueMessage m) {
    for (FaultRule rule : rules) {
      if (!rule.matches(r)) {
        continue;
      }
      int times =
          rule.times() == null
              ? (rule.effect().equals("transient") ? 1 : Integer.MAX_VALUE)
              : rule.times();
      switch (rule.effect()) {
        case "transient" -> {
          if (m.transientFailures() >= times) {
            continue;
          }
        }
        case "delay" -> {
          if (m.delayed() || rule.fired() + fired.getOrDefault(rule.id(), 0) >= times) {
            continue;
          }
        }
        default -> {
          if (rule.fired() + fired.getOrDefault(rule.id(), 0) >= times) {
            continue;
          }
        }
      }
      return rule;
    }
    return null;
  }

  /** The rule's reason as one entry of the comma-separated FailedMessageErrorReasons. */
  private static String reason(FaultRule rule) {
    String r =
        rule.reason() != null
            ? rule.reason()
            : rule.statusCode() != null ? rule.statusCode() : "SimulatedFailure";
    return r.replace(',', ';');
  }

  private static MessageUpdate update(
      DueMessage m,
      String status,
      @Nullable String reason,
      @Nullable String sessionId,
      @Nullable Instant dueAt) {
    return new MessageUpdate(
        m.messageIdentifier(),
        status,
        reason,
        sessionId,
        dueAt,
        m.transientFailures(),
        m.delayed(),
        null,
        null,
        null,
        null);
  }

  private DeliveryError error(
      SendRequest req, DueMessage m, @Nullable Recipient r, String reason, Instant now) {
    String owner = req.queued() ? settings.integrationUserId() : req.createdById();
    return new DeliveryError(
        reason,
        reason + " (message " + m.messageIdentifier() + " of " + req.id() + ")",
        r == null ? null : r.platformKey(),
        r == null ? null : r.channelId(),
        r == null ? null : r.id(),
        owner,
        now);
  }
}
