package dev.sfsim.simulator.catalog;

import static dev.sfsim.simulator.catalog.FieldBuilder.field;
import static dev.sfsim.simulator.catalog.FieldBuilder.picklist;
import static dev.sfsim.simulator.catalog.FieldBuilder.reference;
import static dev.sfsim.simulator.catalog.FieldBuilder.text;
import static dev.sfsim.simulator.catalog.StandardObjects.ALL_CALLS;
import static dev.sfsim.simulator.catalog.StandardObjects.withAudit;

/**
 * Account, Contact, Lead and Case as the Object Reference for Salesforce describes them, reduced to
 * the standard fields integration tests commonly read and write (messaging end users and sessions
 * link to them). Picklists hold the values of a new org and are enforced as restricted; {@code
 * Name} of Contact and Lead is derived from {@code FirstName} and {@code LastName}; {@code
 * CaseNumber} is an auto-number.
 */
final class SalesObjects {
  private SalesObjects() {}

  static SObjectType account() {
    return new SObjectType(
        "Account",
        "Account",
        "Accounts",
        "001",
        "account",
        0,
        ALL_CALLS,
        withAudit(
            "Account ID",
            text("Name", 255).label("Account Name").required().nameField(),
            text("AccountNumber", 40).label("Account Number"),
            picklist(
                    "Type",
                    "Prospect",
                    "Customer - Direct",
                    "Customer - Channel",
                    "Channel Partner / Reseller",
                    "Installation Partner",
                    "Technology Partner",
                    "Other")
                .label("Account Type"),
            picklist(
                    "Industry",
                    "Agriculture",
                    "Banking",
                    "Communications",
                    "Education",
                    "Energy",
                    "Finance",
                    "Healthcare",
                    "Insurance",
                    "Manufacturing",
                    "Media",
                    "Retail",
                    "Technology",
                    "Other")
                .label("Industry"),
            reference("ParentId", "Parent", "Account")
                .label("Parent Account ID")
                .childRelationship("ChildAccounts"),
            field("Phone", FieldType.PHONE).length(40).label("Account Phone"),
            field("Website", FieldType.URL).length(255).label("Website"),
            field("Description", FieldType.TEXTAREA).length(32000).label("Account Description"),
            text("BillingCity", 40).label("Billing City"),
            text("BillingCountry", 80).label("Billing Country"),
            field("NumberOfEmployees", FieldType.INT).label("Employees"),
            field("AnnualRevenue", FieldType.CURRENCY).label("Annual Revenue"),
            reference("OwnerId", "Owner", "User").label("Owner ID")),
        null);
  }

  static SObjectType contact() {
    return new SObjectType(
        "Contact",
        "Contact",
        "Contacts",
        "003",
        "contact",
        0,
        ALL_CALLS,
        withAudit(
            "Contact ID",
            reference("AccountId", "Account", "Account")
                .label("Account ID")
                .childRelationship("Contacts"),
            text("FirstName", 40).label("First Name"),
            text("LastName", 80).label("Last Name").required(),
            text("Name", 121).label("Full Name").readOnly().nameField(),
            field("Email", FieldType.EMAIL).length(80).label("Email").idLookup(),
            field("Phone", FieldType.PHONE).length(40).label("Business Phone"),
            field("MobilePhone", FieldType.PHONE).length(40).label("Mobile Phone"),
            text("Title", 128).label("Title"),
            picklist(
                    "LeadSource",
                    "Web",
                    "Phone Inquiry",
                    "Partner Referral",
                    "Purchased List",
                    "Other")
                .label("Lead Source"),
            field("Description", FieldType.TEXTAREA).length(32000).label("Contact Description"),
            reference("OwnerId", "Owner", "User").label("Owner ID")),
        null);
  }

  static SObjectType lead() {
    return new SObjectType(
        "Lead",
        "Lead",
        "Leads",
        "00Q",
        "lead",
        0,
        ALL_CALLS,
        withAudit(
            "Lead ID",
            text("FirstName", 40).label("First Name"),
            text("LastName", 80).label("Last Name").required(),
            text("Name", 121).label("Full Name").readOnly().nameField(),
            text("Company", 255).label("Company").required(),
            field("Email", FieldType.EMAIL).length(80).label("Email").idLookup(),
            field("Phone", FieldType.PHONE).length(40).label("Phone"),
            field("MobilePhone", FieldType.PHONE).length(40).label("Mobile Phone"),
            picklist(
                    "Status",
                    "Open - Not Contacted",
                    "Working - Contacted",
                    "Closed - Converted",
                    "Closed - Not Converted")
                .label("Lead Status")
                .required()
                .defaultValue("Open - Not Contacted"),
            picklist(
                    "LeadSource",
                    "Web",
                    "Phone Inquiry",
                    "Partner Referral",
                    "Purchased List",
                    "Other")
                .label("Lead Source"),
            field("IsConverted", FieldType.BOOLEAN).label("Converted").readOnly(),
            reference("OwnerId", "Owner", "User").label("Owner ID")),
        null);
  }

  static SObjectType caseObject() {
    return new SObjectType(
        "Case",
        "Case",
        "Cases",
        "500",
        "cases",
        0,
        ALL_CALLS,
        withAudit(
            "Case ID",
            text("CaseNumber", 30).label("Case Number").nameField().autoNumber(),
            text("Subject", 255).label("Subject"),
            field("Description", FieldType.TEXTAREA).length(32000).label("Description"),
            picklist("Status", "New", "Working", "Escalated", "Closed")
                .label("Status")
                .defaultValue("New"),
            picklist("Priority", "High", "Medium", "Low").label("Priority").defaultValue("Medium"),
            picklist("Origin", "Phone", "Email", "Web").label("Case Origin"),
            reference("AccountId", "Account", "Account")
                .label("Account ID")
                .childRelationship("Cases"),
            reference("ContactId", "Contact", "Contact")
                .label("Contact ID")
                .childRelationship("Cases"),
            field("IsClosed", FieldType.BOOLEAN).label("Closed").readOnly(),
            field("ClosedDate", FieldType.DATETIME).label("Closed Date").readOnly(),
            reference("OwnerId", "Owner", "User").label("Owner ID")),
        "{00000000}");
  }
}
