/**
 * The sObject catalog: standard objects, their fields and child relationships, field types and
 * attributes, consent objects (CommSubscription*), custom fields of {@code SFSIM_CUSTOM_FIELDS};
 * what describe answers and SOQL resolves against ("Object Reference for the Salesforce Platform");
 * and the picklist values code reads and writes, as enums carrying the API spelling ({@link
 * dev.sfsim.simulator.catalog.RequestStatus}, {@link dev.sfsim.simulator.catalog.SessionStatus},
 * {@link dev.sfsim.simulator.catalog.ConsentStatus}, {@link
 * dev.sfsim.simulator.catalog.MessageType}, …). Depends on nothing; imports neither Javalin nor
 * Jdbi.
 */
package dev.sfsim.simulator.catalog;
