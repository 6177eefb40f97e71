package dev.sfsim.simulator.org;

/**
 * The {@code errorCode} values the simulator answers with, spelled as Salesforce spells them (the
 * {@code StatusCode} enumeration of "Core Data Types Used in API Calls", SOAP API Developer Guide,
 * and "Status Codes and Error Responses", REST API Developer Guide), plus {@link
 * #NOT_SUPPORTED_BY_SIMULATOR}, the simulator's own code for what it does not emulate. The
 * constant's name is the wire spelling ({@link #name()}).
 *
 * <p>Each code carries the HTTP status it is usually answered with; a site that answers a code with
 * another status (e.g. {@code ENTITY_IS_DELETED} on a record read is 404) says so when it throws.
 */
public enum ErrorCode {
  /** A record operation rolled back because another in an all-or-none call failed. */
  ALL_OR_NONE_OPERATION_ROLLED_BACK(400),
  /** A composite batch stopped after a failed subrequest ({@code haltOnError}). */
  BATCH_PROCESSING_HALTED(412),
  /** An upsert's external id matches more than one record (answered with 300). */
  DUPLICATE_EXTERNAL_ID(300),
  /** A unique field's value is already taken. */
  DUPLICATE_VALUE(400),
  /** The record is in the recycle bin. */
  ENTITY_IS_DELETED(404),
  /** Too many ids in one call. */
  EXCEEDED_ID_LIMIT(400),
  /** A reference points at a record of the wrong type. */
  FIELD_INTEGRITY_EXCEPTION(400),
  /** The {@code Authorization} header is not a bearer token. */
  INVALID_AUTH_HEADER(401),
  /** A certificate (JWT bearer flow) cannot be read. */
  INVALID_CERTIFICATE(400),
  /** A Connect API parameter is out of range. */
  INVALID_API_INPUT(400),
  /** A reference names no record (or one the caller cannot see). */
  INVALID_CROSS_REFERENCE_KEY(400),
  /** A field name that the object does not have. */
  INVALID_FIELD(400),
  /** A field that cannot be written in this operation. */
  INVALID_FIELD_FOR_INSERT_UPDATE(400),
  /** A value the field cannot hold. */
  INVALID_INPUT(400),
  /** Wrong username or password (SOAP {@code login}). */
  INVALID_LOGIN(500),
  /** The operation is not allowed in this state. */
  INVALID_OPERATION(400),
  /** A SOQL operator that does not apply to the field's type. */
  INVALID_QUERY_FILTER_OPERATOR(400),
  /** A {@code nextRecordsUrl} cursor that does not exist (or has expired). */
  INVALID_QUERY_LOCATOR(400),
  /** A replication window ({@code updated}/{@code deleted}) out of range. */
  INVALID_REPLICATION_DATE(400),
  /** A request the simulator cannot read at all. */
  INVALID_REQUEST(400),
  /** Missing, expired or revoked session. */
  INVALID_SESSION_ID(401),
  /** A status transition that the record's current status does not allow. */
  INVALID_STATUS(400),
  /** An sObject type that does not exist (or is not visible at the request's API version). */
  INVALID_TYPE(400),
  /** An sObject type that the operation does not apply to. */
  INVALID_TYPE_FOR_OPERATION(400),
  /** A field value of the wrong JSON type. */
  INVALID_TYPE_ON_FIELD_IN_RECORD(400),
  /** A restricted picklist given a value outside its list. */
  INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST(400),
  /** A request body that is not the JSON expected. */
  JSON_PARSER_ERROR(400),
  /** A per-call limit passed. */
  LIMIT_EXCEEDED(400),
  /** A malformed record id. */
  MALFORMED_ID(400),
  /** A SOQL statement that does not parse. */
  MALFORMED_QUERY(400),
  /** An HTTP method the resource does not allow. */
  METHOD_NOT_ALLOWED(405),
  /** A required parameter is missing. */
  MISSING_ARGUMENT(400),
  /** The resource cannot answer in a media type the client accepts. */
  NOT_ACCEPTABLE(406),
  /** The requested resource does not exist. */
  NOT_FOUND(404),
  /** Valid Salesforce input that the simulator does not emulate (the simulator's own code). */
  NOT_SUPPORTED_BY_SIMULATOR(501),
  /** A number literal out of range. */
  NUMBER_OUTSIDE_VALID_RANGE(400),
  /** A composite subrequest not run because an earlier one failed. */
  PROCESSING_HALTED(400),
  /** A statement that ran into the statement timeout. */
  QUERY_TIMEOUT(400),
  /** A statement too long or too deeply nested. */
  QUERY_TOO_COMPLICATED(400),
  /** A request body over the size limit. */
  REQUEST_ENTITY_TOO_LARGE(413),
  /** A required field has no value. */
  REQUIRED_FIELD_MISSING(400),
  /** The server (or its database) cannot answer now. */
  SERVER_UNAVAILABLE(503),
  /** A text value longer than the field's length. */
  STRING_TOO_LONG(400),
  /** The record is locked by another transaction. */
  UNABLE_TO_LOCK_ROW(400),
  /** An internal failure: logged once, never a client's fault. */
  UNKNOWN_EXCEPTION(500),
  /** An XML request body that does not parse. */
  XML_PARSER_ERROR(400);

  private final int status;

  ErrorCode(int status) {
    this.status = status;
  }

  /** The HTTP status this code is usually answered with. */
  public int status() {
    return status;
  }
}
