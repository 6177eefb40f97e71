package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import dev.sfsim.simulator.soql.ast.Position;

/**
 * Salesforce's SOQL error texts, as real orgs answer them ("Status Codes and Error Responses", REST
 * API Developer Guide), all HTTP 400 without a {@code fields} key, except {@link #notSupported}
 * (501) for valid SOQL the simulator does not emulate.
 */
final class SoqlErrors {

  private SoqlErrors() {}

  static SalesforceException missingQuery() {
    return SalesforceException.badRequest(
        ErrorCode.MALFORMED_QUERY, "A query string has to be specified");
  }

  static SalesforceException emptyQuery() {
    return SalesforceException.badRequest(
        ErrorCode.MALFORMED_QUERY, "SOQL statements cannot be empty or null");
  }

  /**
   * The short form Salesforce gives when the statement does not start with a keyword: no caret
   * block.
   */
  static SalesforceException unexpectedFirstToken(String token) {
    return SalesforceException.badRequest(ErrorCode.MALFORMED_QUERY, "unexpected token: " + token);
  }

  static SalesforceException unexpectedToken(SoqlSource src, Position pos, String token) {
    return src.error(pos, ErrorCode.MALFORMED_QUERY, "unexpected token: '" + token + "'");
  }

  static SalesforceException malformed(SoqlSource src, Position pos, String reason) {
    return src.error(pos, ErrorCode.MALFORMED_QUERY, reason);
  }

  static SalesforceException noSuchColumn(
      SoqlSource src, Position pos, String column, String entity) {
    return src.error(
        pos,
        ErrorCode.INVALID_FIELD,
        "No such column '"
            + column
            + "' on entity '"
            + entity
            + "'. If you are"
            + " attempting to use a custom field, be sure to append the '__c' after the custom field name. Please"
            + " reference your WSDL or the describe call for the appropriate names.");
  }

  static SalesforceException unknownType(SoqlSource src, Position pos, String type) {
    return src.error(
        pos,
        ErrorCode.INVALID_TYPE,
        "sObject type '"
            + type
            + "' is not supported. If you are attempting to"
            + " use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL"
            + " or the describe call for the appropriate names.");
  }

  static SalesforceException badRelationship(SoqlSource src, Position pos, String relationship) {
    return src.error(
        pos,
        ErrorCode.INVALID_FIELD,
        "Didn't understand relationship '"
            + relationship
            + "' in field path. If"
            + " you are attempting to use a custom relationship, be sure to append the '__r' after the custom"
            + " relationship name. Please reference your WSDL or the describe call for the appropriate names.");
  }

  /**
   * Salesforce's {@code QUERY_TOO_COMPLICATED}, for statements too long or too deeply nested to
   * parse.
   */
  static SalesforceException tooComplicated() {
    return SalesforceException.badRequest(
        ErrorCode.QUERY_TOO_COMPLICATED,
        "Query is either selecting too many fields or the filter conditions are too complicated.");
  }

  /**
   * 501: valid SOQL whose semantics the simulator does not reproduce (never a silently wrong
   * answer).
   */
  static SalesforceException notSupported(String construct) {
    return SalesforceException.notSupported("SOQL " + construct);
  }
}
