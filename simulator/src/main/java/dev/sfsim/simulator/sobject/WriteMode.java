package dev.sfsim.simulator.sobject;

/**
 * Who writes a record: an API caller (only createable fields) or the simulator itself and its
 * fixtures (any field).
 */
public enum WriteMode {
  API,
  SYSTEM
}
