/**
 * {@code /query} and {@code /queryAll}: runs compiled SOQL, maps rows to records, pages through
 * query cursors, explains plans ("Query", REST API Developer Guide). Depends on {@code soql},
 * {@code catalog}, {@code http} and {@code org}.
 */
package dev.sfsim.simulator.query;
