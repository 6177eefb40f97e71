/**
 * The sObject catalog: standard objects, their fields and child relationships, field types and
 * attributes, consent objects (CommSubscription*), custom fields of {@code SFSIM_CUSTOM_FIELDS};
 * what describe answers and SOQL resolves against ("Object Reference for the Salesforce Platform").
 * Depends on nothing; imports neither Javalin nor Jdbi.
 */
package dev.sfsim.simulator.catalog;
