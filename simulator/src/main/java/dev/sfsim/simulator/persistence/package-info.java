/**
 * Generic database plumbing, no feature's SQL: the embedded or external PostgreSQL ({@link
 * dev.sfsim.simulator.persistence.Database}), one schema per org, Flyway migrations, Jdbi setup,
 * prepared directories, the shared clock's row, and SQLState mapping to Salesforce errors ({@code
 * SqlStates}). Depends on {@code clock} and {@code org}; never on a feature package.
 */
package dev.sfsim.simulator.persistence;
