/**
 * Records and their REST resources: {@code /sobjects} (describe, create, read, update, upsert,
 * delete, replication), field coercion, references, auto-numbers, and the record repository every
 * writer of records uses ("sObject Basic Information" and the following pages, REST API Developer
 * Guide). Depends on {@code catalog}, {@code http}, {@code org} and {@code persistence}; not on
 * {@code query} or {@code composite}.
 */
package dev.sfsim.simulator.sobject;
