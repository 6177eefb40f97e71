/**
 * Salesforce record ids: 15- and 18-character forms, key prefixes, the case-safe checksum ("What
 * are Salesforce IDs composed of?", Salesforce Help). Depends on nothing.
 */
package dev.sfsim.simulator.ids;
