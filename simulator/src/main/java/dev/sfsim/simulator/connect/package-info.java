/**
 * Connect REST API resources: the conversation entries transcript ("Conversation Entries", Connect
 * REST API Developer Guide), read from the messaging data.
 */
package dev.sfsim.simulator.connect;
