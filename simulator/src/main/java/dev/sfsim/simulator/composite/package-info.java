/**
 * The {@code /services/data/vNN.N} REST dispatcher and the calls made of other calls: Composite,
 * Batch, sObject Tree and sObject Collections ("Composite Resources", REST API Developer Guide),
 * result references ({@code @{ref.id}}) and savepoints; one transaction per top-level call. Above
 * {@code sobject} and {@code query}, which it routes to.
 */
package dev.sfsim.simulator.composite;
