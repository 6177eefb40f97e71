/**
 * The {@code sendConversationMessages} invocable action and the action catalog ("Invocable
 * Actions", REST API Developer Guide; "Send Conversation Messages Action", Actions Developer
 * Guide): input validation and queuing for the messaging engine.
 */
package dev.sfsim.simulator.action;
