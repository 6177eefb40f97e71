/**
 * The SOQL compiler: parser, resolver against the {@code catalog}, date literals and functions
 * ({@code DateLiterals}, "Date Formats and Date Literals", SOQL and SOSL Reference), and
 * translation to PostgreSQL SQL. Pure functions over text and the catalog: depends on {@code
 * catalog}, {@code ids} and {@code org} only; imports neither Javalin nor Jdbi.
 */
package dev.sfsim.simulator.soql;
