package dev.sfsim.simulator.auth;

import dev.sfsim.simulator.org.OrgIdentity;
import dev.sfsim.simulator.org.Session;
import org.jspecify.annotations.Nullable;

/**
 * The Partner API answers as a real org writes them ("login()", SOAP API Developer Guide): envelope
 * with the {@code soapenv} prefix, default namespace {@code urn:partner.soap.sforce.com}; faults in
 * {@code urn:fault.partner.soap.sforce.com}, written by {@code http.ErrorRenderer}.
 */
final class SoapMessages {
  private static final String XML_DECL = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
  private static final String ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";
  private static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

  private SoapMessages() {}

  /**
   * {@code loginResponse}: server URLs end with the 15-character org id; ids in {@code userInfo}
   * have 18.
   */
  static String loginResponse(
      OrgIdentity org, Session s, String instanceUrl, String version, long secondsValid) {
    String serverUrl = instanceUrl + "/services/Soap/u/" + version + "/" + org.orgId15();
    String metadataUrl = instanceUrl + "/services/Soap/m/" + version + "/" + org.orgId15();
    return XML_DECL
        + "<soapenv:Envelope xmlns:soapenv=\""
        + ENVELOPE_NS
        + "\" xmlns=\"urn:partner.soap.sforce.com\" xmlns:xsi=\""
        + XSI_NS
        + "\"><soapenv:Body><loginResponse><result>"
        + el("metadataServerUrl", metadataUrl)
        + el("passwordExpired", "false")
        + el("sandbox", "false")
        + el("serverUrl", serverUrl)
        + el("sessionId", s.token())
        + el("userId", s.userId())
        + "<userInfo>"
        + el("accessibilityMode", "false")
        + el("chatterExternal", "false")
        + el("currencySymbol", "$")
        + el("orgAttachmentFileSizeLimit", "5242880")
        + el("orgDefaultCurrencyIsoCode", "USD")
        + el("orgDisallowHtmlAttachments", "false")
        + el("orgHasPersonAccounts", "false")
        + el("organizationId", org.orgId())
        + el("organizationMultiCurrency", "false")
        + el("organizationName", org.orgName())
        + el("sessionSecondsValid", String.valueOf(secondsValid))
        + el("userDefaultCurrencyIsoCode", "USD")
        + el("userEmail", org.username())
        + el("userFullName", "sfsim Admin")
        + el("userId", s.userId())
        + el("userLanguage", "en_US")
        + el("userLocale", "en_US")
        + el("userName", org.username())
        + el("userTimeZone", "GMT")
        + el("userType", "Standard")
        + el("userUiSkin", "Theme3")
        + "</userInfo></result></loginResponse></soapenv:Body></soapenv:Envelope>";
  }

  static String logoutResponse() {
    return XML_DECL
        + "<soapenv:Envelope xmlns:soapenv=\""
        + ENVELOPE_NS
        + "\" xmlns=\"urn:partner.soap.sforce.com\"><soapenv:Body><logoutResponse/></soapenv:Body></soapenv:Envelope>";
  }

  private static String el(String name, @Nullable String text) {
    return "<" + name + ">" + escape(text) + "</" + name + ">";
  }

  private static String escape(@Nullable String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
