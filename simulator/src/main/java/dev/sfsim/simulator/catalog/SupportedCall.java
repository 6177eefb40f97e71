package dev.sfsim.simulator.catalog;

/**
 * The "Supported Calls" listed on each object's reference page (Object Reference for Salesforce).
 */
public enum SupportedCall {
  CREATE,
  DELETE,
  DESCRIBE_SOBJECTS,
  GET_DELETED,
  GET_UPDATED,
  QUERY,
  RETRIEVE,
  SEARCH,
  UNDELETE,
  UPDATE,
  UPSERT
}
