package dev.sfsim.simulator.catalog;

/**
 * Salesforce field types the catalog uses, with the {@code type} and {@code soapType} describe
 * answers ("Field Types", SOAP API Developer Guide) and the PostgreSQL column type that stores
 * them.
 */
public enum FieldType {
  ID("id", "tns:ID", "text"),
  REFERENCE("reference", "tns:ID", "text"),
  STRING("string", "xsd:string", "text"),
  TEXTAREA("textarea", "xsd:string", "text"),
  PICKLIST("picklist", "xsd:string", "text"),
  /**
   * Multi-select picklist: the selected values joined by {@code ;}, stored in the field's value
   * order.
   */
  MULTIPICKLIST("multipicklist", "xsd:string", "text"),
  URL("url", "xsd:string", "text"),
  EMAIL("email", "xsd:string", "text"),
  PHONE("phone", "xsd:string", "text"),
  CURRENCY("currency", "xsd:double", "double precision"),
  BOOLEAN("boolean", "xsd:boolean", "boolean"),
  INT("int", "xsd:int", "integer"),
  DOUBLE("double", "xsd:double", "double precision"),
  PERCENT("percent", "xsd:double", "double precision"),
  DATE("date", "xsd:date", "date"),
  DATETIME("datetime", "xsd:dateTime", "timestamptz");

  private final String describeName;
  private final String soapType;
  private final String sqlType;

  FieldType(String describeName, String soapType, String sqlType) {
    this.describeName = describeName;
    this.soapType = soapType;
    this.sqlType = sqlType;
  }

  /** The describe {@code type} value, e.g. {@code "picklist"}. */
  public String describeName() {
    return describeName;
  }

  /** The describe {@code soapType} value, e.g. {@code "xsd:string"}. */
  public String soapType() {
    return soapType;
  }

  /** The PostgreSQL column type. */
  public String sqlType() {
    return sqlType;
  }

  /** True for types stored and compared as text (ids, strings, picklists). */
  public boolean isText() {
    return sqlType.equals("text");
  }

  /** True for number types bound and answered as doubles (double, currency, percent). */
  public boolean isDecimal() {
    return this == DOUBLE || this == CURRENCY || this == PERCENT;
  }

  /** True for id and reference fields, whose values are 15/18-character Salesforce ids. */
  public boolean isId() {
    return this == ID || this == REFERENCE;
  }
}
