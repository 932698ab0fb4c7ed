using CareDesk.Components;
using CareDesk.Features.Cases;
using CareDesk.Features.Catalog;
using CareDesk.Features.Complaints;
using CareDesk.Features.Complaints.Reportability;
using CareDesk.Features.Complaints.Reporting;
using CareDesk.Features.Complaints.Trending;
using CareDesk.Features.Contacts;
using CareDesk.Features.Desk;
using CareDesk.Features.Devices;
using CareDesk.Features.Imports;
using CareDesk.Features.Macros;
using CareDesk.Features.NothingLost;
using CareDesk.Features.Outreach;
using CareDesk.Features.People;
using CareDesk.Features.People.Merging;
using CareDesk.Features.Search;
using CareDesk.Features.ServiceLevels;
using CareDesk.Features.Staff;
using CareDesk.Features.Telephony;
using CareDesk.Features.Users;
using CareDesk.Platform;
using CareDesk.Platform.Api;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Live;
using CareDesk.Platform.Localization;
using CareDesk.Platform.Mail;
using CareDesk.Platform.Operations;
using CareDesk.Platform.Outbox;
using CareDesk.Platform.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Serilog;

namespace CareDesk;

/// <summary>The table of contents: every capability registers its services and maps its endpoints here.</summary>
public static class CareDeskApplication
{
    public static WebApplicationBuilder AddCareDesk(this WebApplicationBuilder builder)
    {
        builder.Services.AddCareDeskOptions();
        builder.AddCareDeskOperations();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddCareDeskDatabase(builder.Configuration);
        builder.Services.AddCareDeskAudit();
        builder.Services.AddCareDeskIdentity();
        builder.Services.AddSecurityHeaders();
        builder.Services.AddCareDeskLocalization();
        builder.Services.AddCareDeskProblemDetails();
        builder.Services.AddCareDeskRequestJson();
        builder.Services.AddCareDeskOpenApi();
        builder.Services.AddCareDeskOutbox();
        builder.Services.AddCareDeskLive();
        builder.Services.AddCareDeskMail();
        builder.Services.AddCareDeskScheduling(builder.Configuration);
        builder.Services.AddCareDeskUi();

        builder.Services.AddUsers();
        builder.Services.AddPeople();
        builder.Services.AddPersonMerging();
        builder.Services.AddCatalog();
        builder.Services.AddReportability();
        builder.Services.AddDevices();
        builder.Services.AddTelephony();
        builder.Services.AddStaff();
        builder.Services.AddCases();
        builder.Services.AddDesk();
        builder.Services.AddServiceLevels();
        builder.Services.AddContacts();
        builder.Services.AddCaseLinks();
        builder.Services.AddNothingLost();
        builder.Services.AddGlobalSearch();
        builder.Services.AddComplaints();
        builder.Services.AddMacros();
        builder.Services.AddTrending();
        builder.Services.AddComplaintReporting();
        builder.Services.AddOutreach();
        builder.Services.AddImports();
        return builder;
    }

    public static WebApplication UseCareDesk(this WebApplication app)
    {
        // First, so everything after sees the browser's address and scheme, not the reverse proxy's.
        app.UseReverseProxyHeaders();
        // One log line per request: method, path (never the query string, which may carry personal data), status, time.
        app.UseSerilogRequestLogging();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        // Empty error responses become ProblemDetails on the API and the not-found page in the UI.
        app.UseWhen(context => context.IsApiRequest(), api => api.UseStatusCodePages());
        app.UseWhen(context => !context.IsApiRequest(), ui => ui.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        // Routing after the status pages, so a re-executed request is routed again to the not-found page (with the
        // implicit routing at the start of the pipeline it kept no endpoint and answered an empty 404).
        app.UseRouting();
        app.UseRequestBodyLimit();
        app.UseAuthentication();
        app.UseCareDeskLocalization();
        app.UseRateLimiter();
        app.UseAuditContext();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapApiReference();
        app.MapHealthEndpoints();
        app.MapAccountEndpoints();
        app.MapLocalizationEndpoints();

        // The REST API: every endpoint mapped into this group has its request body validated by its data
        // annotations before the handler runs (Platform/Api/RequestValidation.cs). Map new capabilities here.
        var api = app.MapApi();
        api.MapAuthEndpoints();
        api.MapAuditEndpoints();
        api.MapUsersEndpoints();
        api.MapPeopleEndpoints();
        api.MapPersonMergingEndpoints();
        api.MapCatalogEndpoints();
        api.MapReportabilityEndpoints();
        api.MapDevicesEndpoints();
        api.MapTelephonyEndpoints();
        api.MapStaffEndpoints();
        api.MapCasesEndpoints();
        api.MapDeskEndpoints();
        api.MapServiceLevelsEndpoints();
        api.MapSearchEndpoints();
        api.MapMacrosEndpoints();
        api.MapContactsEndpoints();
        api.MapCaseLinksEndpoints();
        api.MapNothingLostEndpoints();
        api.MapComplaintsEndpoints();
        api.MapTrendingEndpoints();
        api.MapComplaintReportingEndpoints();
        api.MapOutreachEndpoints();
        api.MapImportsEndpoints();

        app.MapCareDeskUi();
        return app;
    }
}
