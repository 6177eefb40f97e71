/**
 * The SOQL syntax tree the parser builds and the resolver reads: immutable records, one per
 * construct of the SOQL and SOSL Reference. Depends on nothing.
 */
package dev.sfsim.simulator.soql.ast;
