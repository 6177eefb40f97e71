/**
 * The messaging engine's data and rules in SQL: the Jdbi {@code MessagingStore}, outbox, fault
 * rules, transcripts, components, console reads, session actions, housekeeping (expiry, delivery
 * and read progression) and end users talking back: inbound replies and STOP/START consent ({@code
 * EndUserMessages}). Depends on {@code messaging}, {@code sobject} (records it writes), {@code
 * catalog}, {@code clock} and {@code org}.
 */
package dev.sfsim.simulator.messaging.persistence;
