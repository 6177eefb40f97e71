/**
 * The messaging engine behind {@code sendConversationMessages}: the dispatcher and its threads,
 * send rules, session gating, templates, fault rules, latency profiles and events. Talks to its
 * data only through the {@link dev.sfsim.simulator.messaging.MessagingStore} port; imports neither
 * Javalin nor Jdbi.
 */
package dev.sfsim.simulator.messaging;
