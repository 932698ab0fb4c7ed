using System.Security.Claims;
using CareDesk.Platform;
using CareDesk.Platform.Api;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Live;
using CareDesk.Platform.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CareDesk.Features.Cases;

internal static class CasesEndpoints
{
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddValidatedOptions<EscalationOptions>(EscalationOptions.Section);
        // Bound where the host has configuration (a component test's container has none: the defaults hold).
        services.AddOptions<CaseNumberOptions>()
            .Configure<IServiceProvider>((options, provider) => provider.GetService<IConfiguration>()?.GetSection(CaseNumberOptions.Section).Bind(options))
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<CaseNumberOptions>, CaseNumberOptions.FromLanguage>();
        services.AddSingleton<IInterceptor, CaseActivity>();
        services.AddSingleton<IAuditRecordNames, CaseAuditNames>();
        services.AddScoped<CaseAccess>();
        services.AddScoped<OwnerNames>();
        services.AddScoped<OpenCase>();
        services.AddDataSeeder<DemoCasesSeeder>();
        services.AddScoped<CaseCaller>();
        services.AddScoped<GetCase>();
        services.AddScoped<ListCases>();
        services.AddScoped<HandOffCase>();
        services.AddScoped<TakeCase>();
        services.AddScoped<AddCaseNote>();
        services.AddScoped<ChangeCaseStatus>();
        services.AddScoped<LinkContactToCase>();
        services.AddScoped<EscalationAlerts>();
        services.AddLiveChannel<EscalationAlertHub>();
        services.AddScoped<EscalateCase>();
        services.AddScoped<AcknowledgeEscalation>();
        services.AddScoped<RecordEscalationContact>();
        services.AddScoped<EscalationDeadlines>();
        services.AddScoped<PromiseCallback>();
        services.AddScoped<CallbackDeadlines>();
        services.AddScoped<SavedWorkViews>();
        services.AddScoped<ReassignCases>();
        services.AddScoped<IOutboxHandler, PagingWebhook>();
        services.AddScoped<IOutboxHandler, EscalationEmail>();
        services.AddHttpClient(PagingWebhook.ClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddCaseDetails();
        return services;
    }

    public static IEndpointRouteBuilder MapCasesEndpoints(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization(Policies.Staff);
        cases.MapCaseDetails();

        cases.MapPost("/", async (OpenCase.Request request, ClaimsPrincipal user, OpenCase open, GetCase get, IStringLocalizer<CasesText> text, CancellationToken ct) =>
            {

                var actor = StaffActor.From(user);
                var opened = await open.RunAsync(request, actor, ct);
                return await opened.ToCreatedAsync(text, v => $"/api/cases/{v}", v => get.JustOpenedAsync(v, actor, ct));
            })
            .WithSummary("Open a case for a person: type (question, technical-support, repair, complaint, order-help, feedback), priority (low, normal, high, urgent), subject, optionally a device of theirs, a team queue as owner (else you own it) and the contact it came from.")
            .Produces<GetCase.View>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        cases.MapGet("/", async (string? owner, string? team, Guid? personId, string? number, bool? open, int? limit, ClaimsPrincipal user, ListCases list, IStringLocalizer<CasesText> text, CancellationToken ct) =>
            {
                var result = await list.RunAsync(new ListCases.Filter(owner, team, personId, number, open ?? true, limit ?? 50), StaffActor.From(user), ct);
                return result.ToOk(text);
            })
            .WithSummary("Cases by owner (a user id or \"me\"), team queue, person, or the number a caller reads out (any case, dashes optional); open ones unless open=false; most urgent first.")
            .Produces<CaseSummary[]>()
            .ProducesValidationProblem();

        cases.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, GetCase get, IStringLocalizer<CasesText> text, CancellationToken ct) =>
                (await get.RunAsync(id, StaffActor.From(user), ct)).ToOk(text))
            .WithSummary("A case with its timeline: contacts, notes, handoffs, status changes, with who and when. The read is audited.")
            .Produces<GetCase.View>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapPost("/{id:guid}/handoffs", (Guid id, HandOffCase.Request request, ClaimsPrincipal user, HandOffCase handOff, GetCase get, IStringLocalizer<CasesText> text, CancellationToken ct) =>
                ChangeAsync(id, user, get, text, actor => handOff.RunAsync(id, request, actor, ct), ct))
            .WithSummary("Hand the case to a user (toUserId) or a team or department queue (toTeam: quality, repair, medical, sales, logistics…) with a note saying what was done and what is needed.")
            .Produces<GetCase.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        cases.MapPost("/{id:guid}/take", (Guid id, TakeCase.Request request, ClaimsPrincipal user, TakeCase take, GetCase get, IStringLocalizer<CasesText> text, CancellationToken ct) =>
                ChangeAsync(id, user, get, text, actor => take.RunAsync(id, request, actor, ct), ct))
            .WithSummary("Become the case's owner; send the version you saw. When two agents take it at once, one wins and the other gets 409.")
            .Produces<GetCase.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        cases.MapPost("/{id:guid}/notes", (Guid id, AddCaseNote.Request request, ClaimsPrincipal user, AddCaseNote add, GetCase get, IStringLocalizer<CasesText> text, CancellationToken ct) =>
                ChangeAsync(id, user, get, text, actor => add.RunAsync(id, request, actor, ct), ct))
            .WithSummary("Add a note to the timeline; isAnswer=true records it as the answer given to the caller.")
            .Produces<GetCase.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapPost("/{id:guid}/status", (Guid id, ChangeCaseStatus.Request request, ClaimsPrincipal user, ChangeCaseStatus change, GetCase get, IStringLocalizer<CasesText> text, CancellationToken ct) =>
                ChangeAsync(id, user, get, text, actor => change.RunAsync(id, request, actor, ct), ct))
            .WithSummary("Move the case: in-progress, waiting-on-customer, resolved (needs resolution), closed (once resolved); back to in-progress reopens it (needs a note).")
            .Produces<GetCase.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        cases.MapPost("/{id:guid}/contacts", (Guid id, LinkContactToCase.Request request, ClaimsPrincipal user, LinkContactToCase link, GetCase get, IStringLocalizer<CasesText> text, CancellationToken ct) =>
                ChangeAsync(id, user, get, text, actor => link.RunAsync(id, request, actor, ct), ct))
            .WithSummary("Put a contact (call, e-mail, chat, visit) of the case's person on its timeline; linking it again changes nothing.")
            .Produces<GetCase.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapPost("/{id:guid}/escalations", async (Guid id, EscalateCase.Request request, ClaimsPrincipal user, EscalateCase escalate, GetCase get, IStringLocalizer<CasesText> text, CancellationToken ct) =>
            {

                var actor = StaffActor.From(user);
                var escalated = await escalate.RunAsync(id, request, actor, ct);
                return await escalated.ToCreatedAsync(text, _ => $"/api/cases/{id}", _ => get.RunAsync(id, actor, ct));
            })
            .WithSummary("Escalate to the on-duty expert from the roster: they are alerted live and paged, must acknowledge and then contact the customer in time, else the next in the chain is alerted and the supervisors told.")
            .Produces<GetCase.View>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        cases.MapPost("/{id:guid}/callbacks", async (Guid id, PromiseCallback.Request request, ClaimsPrincipal user, PromiseCallback promise, GetCase get, IStringLocalizer<CasesText> text, CancellationToken ct) =>
            {
                var actor = StaffActor.From(user);
                var promised = await promise.RunAsync(id, request, actor, ct);
                return await promised.ToCreatedAsync(text, _ => $"/api/cases/{id}", _ => get.RunAsync(id, actor, ct));
            })
            .WithSummary("Promise the caller a call back by dueAt (yours, or ownerUserId's): it goes on the owner's work list and the supervisors'; when it is overdue the supervisors are told.")
            .Produces<GetCase.View>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var callbacks = app.MapGroup("/api/callbacks").WithTags("Cases").RequireAuthorization(Policies.Staff);

        callbacks.MapGet("/", async (bool? all, ClaimsPrincipal user, ListCases list, CancellationToken ct) =>
            {
                // Everyone's open promises are the supervisors' list; others see their own.
                var everyone = all == true && (user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin));
                return TypedResults.Ok(await list.CallbacksDueAsync(everyone ? null : StaffActor.From(user).UserId, ct));
            })
            .WithSummary("Promised callbacks not yet made (pending or overdue), soonest first: mine, or everyone's with all=true for supervisors.")
            .Produces<ListCases.CallbackDue[]>();

        callbacks.MapPost("/{id:guid}/done", async (Guid id, PromiseCallback.DoneRequest request, ClaimsPrincipal user, PromiseCallback promise, GetCase get, IStringLocalizer<CasesText> text, CancellationToken ct) =>
            {
                var actor = StaffActor.From(user);
                var done = await promise.DoneAsync(id, request, actor, ct);
                return await done.ToOkAsync(text, v => get.RunAsync(v, actor, ct));
            })
            .WithSummary("The callback was made: say the outcome; it leaves the work lists and its timer stops.")
            .Produces<GetCase.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var escalations = app.MapGroup("/api/escalations").WithTags("Cases").RequireAuthorization(Policies.Staff);

        escalations.MapPost("/{id:guid}/acknowledge", async (Guid id, ClaimsPrincipal user, AcknowledgeEscalation acknowledge, GetCase get, IStringLocalizer<CasesText> text, CancellationToken ct) =>
            {
                var actor = StaffActor.From(user);
                var result = await acknowledge.RunAsync(id, actor, ct);
                return await result.ToOkAsync(text, _ => CaseOfAsync(id, actor, get, acknowledge, ct));
            })
            .WithSummary("The alerted expert takes the escalation: they own the case now and must contact the customer before the contact deadline.")
            .Produces<GetCase.View>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        escalations.MapPost("/{id:guid}/contacted", async (Guid id, RecordEscalationContact.Request request, ClaimsPrincipal user, RecordEscalationContact record, AcknowledgeEscalation acknowledge, GetCase get, IStringLocalizer<CasesText> text, CancellationToken ct) =>
            {

                var actor = StaffActor.From(user);
                var result = await record.RunAsync(id, request, actor, ct);
                return await result.ToOkAsync(text, _ => CaseOfAsync(id, actor, get, acknowledge, ct));
            })
            .WithSummary("The expert reached the customer: say how; the escalation is done and its timer stops.")
            .Produces<GetCase.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        app.MapWorkEndpoints();

        return app;
    }

    private static async Task<Result<GetCase.View>> CaseOfAsync(Guid escalationId, StaffActor actor, GetCase get, AcknowledgeEscalation escalations, CancellationToken ct) =>
        await get.RunAsync(await escalations.CaseIdOfAsync(escalationId, ct), actor, ct);

    /// <summary>Runs a change and answers with the case as it is now; a conflict carries the current case and version.</summary>
    internal static async Task<IResult> ChangeAsync(
        Guid id, ClaimsPrincipal user, GetCase get, IStringLocalizer text,
        Func<StaffActor, Task<Result<Guid>>> change, CancellationToken ct)
    {
        var actor = StaffActor.From(user);
        var result = await change(actor);
        if (result.Failure is { Kind: FailureKind.Conflict } conflict)
        {
            var current = await get.RunAsync(id, actor, ct);
            return TypedResults.Problem(
                conflict.Message(text),
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["version"] = current.Value?.Version, ["current"] = current.Value });
        }

        return await result.ToOkAsync(text, _ => get.RunAsync(id, actor, ct));
    }
}
