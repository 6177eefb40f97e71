package dev.sfsim.simulator.server;

import dev.sfsim.simulator.action.ActionCatalogRoutes;
import dev.sfsim.simulator.action.ActionRoutes;
import dev.sfsim.simulator.admin.AdminRoutes;
import dev.sfsim.simulator.admin.ConsoleRoutes;
import dev.sfsim.simulator.admin.EventStreamRoutes;
import dev.sfsim.simulator.admin.JournalRoutes;
import dev.sfsim.simulator.admin.MessagingAdminRoutes;
import dev.sfsim.simulator.admin.SessionAdminRoutes;
import dev.sfsim.simulator.auth.AuthFilter;
import dev.sfsim.simulator.auth.CertificateRoutes;
import dev.sfsim.simulator.auth.IdentityRoutes;
import dev.sfsim.simulator.auth.OAuthRoutes;
import dev.sfsim.simulator.auth.SoapRoutes;
import dev.sfsim.simulator.composite.SObjectRoutes;
import dev.sfsim.simulator.connect.ConversationRoutes;
import dev.sfsim.simulator.http.ApiUsage;
import dev.sfsim.simulator.http.LimitsRoutes;
import dev.sfsim.simulator.http.ServiceRoutes;
import dev.sfsim.simulator.query.QueryRoutes;

/**
 * One org's request handlers, built over the org's own services: {@link RouteTable} calls the
 * handler of the org {@link OrgRouter} chose for the request.
 */
public record OrgHandlers(
    AuthFilter auth,
    ApiUsage usage,
    OAuthRoutes oauth,
    SoapRoutes soap,
    CertificateRoutes certificates,
    IdentityRoutes identity,
    ServiceRoutes service,
    QueryRoutes query,
    SObjectRoutes sobjects,
    LimitsRoutes limits,
    ActionRoutes actions,
    ActionCatalogRoutes actionCatalog,
    AdminRoutes admin,
    MessagingAdminRoutes messaging,
    SessionAdminRoutes sessions,
    ConsoleRoutes console,
    EventStreamRoutes events,
    ConversationRoutes conversations,
    JournalRoutes journal) {}
