using System.Security.Claims;
using CareDesk.Features.Cases;
using CareDesk.Features.People;
using CareDesk.Platform;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Live;
using CareDesk.Platform.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Outreach;

/// <summary>
/// Outreach (F19–F22): the consent and disclosure ledgers and do-not-contact on a person, consent wordings,
/// questionnaires, campaigns with their call lists and progress, and the agents' next contact, dial check and outcome.
/// </summary>
internal static class OutreachEndpoints
{
    public static IServiceCollection AddOutreach(this IServiceCollection services)
    {
        services.AddValidatedOptions<OutreachOptions>(OutreachOptions.Section);
        services.AddDataSeeder<OutreachSeeder>();
        services.AddDataSeeder<DemoOutreachSeeder>();
        services.AddLiveChannel<OutreachHub>();
        services.AddScoped<ContactGuard>();
        services.AddScoped<OutreachWithdrawal>();
        services.AddScoped<RecordConsent>();
        services.AddScoped<SetDoNotContact>();
        services.AddScoped<ConsentLedger>();
        services.AddScoped<Disclosures>();
        services.AddScoped<ConsentTexts>();
        services.AddScoped<SaveQuestionnaire>();
        services.AddScoped<CallList>();
        services.AddScoped<CreateCampaign>();
        services.AddScoped<BuildCallList>();
        services.AddScoped<ChangeCampaignStatus>();
        services.AddScoped<CampaignProgress>();
        services.AddScoped<CampaignMembers>();
        services.AddScoped<ExportCallList>();
        services.AddScoped<OverrideGuard>();
        services.AddMemoryCache();
        services.AddScoped<RunningCampaigns>();
        services.AddScoped<TakeNextContact>();
        services.AddScoped<ConfirmDial>();
        services.AddScoped<RecordOutcome>();
        services.AddScoped<GetOutreachScript>();
        services.AddScoped<ListCampaigns>();
        services.AddScoped<ListQuestionnaires>();
        services.AddScoped<CreateFollowUpRule>();
        services.AddScoped<ScheduleFollowUps>();
        services.AddScoped<PromiseFollowUp>();
        services.AddScoped<CaseFollowUps>();
        services.AddSingleton<IInterceptor, FollowUpEventRecorder>();
        services.AddRecurringJob<FollowUpJob>(FollowUpJob.Key, FollowUpJob.Interval);
        services.AddRecalls();
        return services;
    }

    public static IEndpointRouteBuilder MapOutreachEndpoints(this IEndpointRouteBuilder app)
    {
        MapPersonLedgers(app);
        MapCampaigns(app);
        MapAgentOutreach(app);
        MapFollowUps(app);
        app.MapRecallsEndpoints();
        return app;
    }

    private static void MapPersonLedgers(IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/people/{id:guid}").WithTags("Consent").RequireAuthorization(Policies.Staff);

        people.MapGet("/consents", async (Guid id, ClaimsPrincipal user, IOptions<PeopleOptions> options, ConsentLedger ledger, IStringLocalizer<OutreachText> text, CancellationToken ct) =>
                (await ledger.RunAsync(id, PersonViewer.From(user, options.Value), ct)).ToOk(text))
            .WithSummary("The person's consent ledger (every grant and withdrawal with its exact wording, newest first), the consent in force per purpose and channel, do-not-contact now and its history, and the disclosure ledger (what was shared with whom). A read of the person's record, audited.")
            .Produces<ConsentLedger.View>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        people.MapPost("/consents", async (Guid id, RecordConsent.Request request, ClaimsPrincipal user, IOptions<PeopleOptions> options, RecordConsent record, IStringLocalizer<OutreachText> text, CancellationToken ct) =>
                (await record.RunAsync(id, request, PersonViewer.From(user, options.Value), ct)).ToCreated(text, v => $"/api/people/{id}/consents"))
            .WithSummary("Append a grant (granted: true) or withdrawal (false) of consent: purpose (service-follow-up, survey, marketing, research, health-data), channel (phone, sms, email, we-chat, post), the exact wording shown or read out (or consentTextId: the versioned wording, in language zh-CN|en), method (call with contactId, web-form, paper or import with source). A withdrawal takes the person off every running list of that purpose and channel at once.")
            .Produces<ConsentEntryView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        people.MapPost("/do-not-contact", async (Guid id, SetDoNotContact.Request request, ClaimsPrincipal user, IOptions<PeopleOptions> options, SetDoNotContact set, IStringLocalizer<OutreachText> text, CancellationToken ct) =>
                (await set.RunAsync(id, request, PersonViewer.From(user, options.Value), ct)).ToOk(text))
            .WithSummary("Do not contact this person (reason required; source: person-page, api, inbound, outreach-call): every non-safety outbound contact stops at once — off every running list, and a contact an agent holds is withdrawn before its dial, on every node. active: false lifts it (the person asked to be contacted again).")
            .Produces<DoNotContactView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var texts = app.MapGroup("/api/consent-texts").WithTags("Consent").RequireAuthorization(Policies.Staff);
        texts.MapGet("/", async (ConsentTexts list, CancellationToken ct) => TypedResults.Ok(await list.CurrentAsync(ct)))
            .WithSummary("The current consent wording per purpose, in Chinese and English (what agents read out).")
            .Produces<IReadOnlyList<ConsentTexts.View>>();
        texts.MapPost("/", async (ConsentTexts.Request request, ClaimsPrincipal user, ConsentTexts add, IStringLocalizer<OutreachText> text, CancellationToken ct) =>
                (await add.AddAsync(request, StaffActor.From(user).UserId, ct)).ToCreated(text, v => "/api/consent-texts"))
            .RequireAuthorization(Policies.Quality)
            .WithSummary("A new wording for a purpose (both languages), as its next version; entries given under older versions keep theirs.")
            .Produces<ConsentTexts.View>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static void MapCampaigns(IEndpointRouteBuilder app)
    {
        var questionnaires = app.MapGroup("/api/questionnaires").WithTags("Campaigns").RequireAuthorization(Policies.Staff);
        questionnaires.MapGet("/", async (ListQuestionnaires list, CancellationToken ct) => TypedResults.Ok(await list.RunAsync(ct)))
            .WithSummary("The newest version of every questionnaire.")
            .Produces<List<ListQuestionnaires.Item>>();
        questionnaires.MapGet("/{id:guid}", async (Guid id, CareDeskDbContext db, IStringLocalizer<OutreachText> text, CancellationToken ct) =>
                await db.Questionnaires.FindAsync([id], ct) is { } found ? (IResult)TypedResults.Ok(QuestionnaireView.Of(found)) : Failure.NotFound("Questionnaire.NotFound").ToProblem(text))
            .WithSummary("One questionnaire version: its script and questions.")
            .Produces<QuestionnaireView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        questionnaires.MapPost("/", async (SaveQuestionnaire.Request request, ClaimsPrincipal user, SaveQuestionnaire save, IStringLocalizer<OutreachText> text, CancellationToken ct) =>
                (await save.RunAsync(request, StaffActor.From(user).UserId, ct)).ToCreated(text, v => $"/api/questionnaires/{v.Id}"))
            .RequireAuthorization(Policies.Supervision)
            .WithSummary("Save a questionnaire as the next version of its key: questions with key, textZh, textEn, type (choice with options, number, text, yes-no, consent with consentPurpose and consentChannel), required, mapsTo (device-model: the options are catalog model ids and the answer replaces the person's device).")
            .Produces<QuestionnaireView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        var campaigns = app.MapGroup("/api/campaigns").WithTags("Campaigns").RequireAuthorization(Policies.Supervision);
        campaigns.MapGet("/", async (ListCampaigns list, CancellationToken ct) => TypedResults.Ok(await list.RunAsync(ct)))
            .WithSummary("Every campaign, newest first.")
            .Produces<List<CampaignView>>();
        campaigns.MapPost("/", async (CreateCampaign.Request request, ClaimsPrincipal user, CreateCampaign create, IStringLocalizer<OutreachText> text, CancellationToken ct) =>
                (await create.RunAsync(request, StaffActor.From(user).UserId, ct)).ToCreated(text, v => $"/api/campaigns/{v.Id}"))
            .WithSummary("Create a campaign (a draft): name, purpose (service-follow-up, survey, marketing, research), channel, target { productIds, purchasedFrom/To, registeredFrom/To, regions, languages, lastContactBefore/After }, maxAttempts, retryMinutes, bestFrom/bestTo (the person's local time), startsAt/endsAt, questionnaireId, requiredSkill. A target that selects nobody who may be contacted is a 400 naming target.")
            .Produces<CampaignView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        campaigns.MapPost("/{id:guid}/build", async (Guid id, BuildCallList build, IStringLocalizer<OutreachText> text, CancellationToken ct) =>
                (await build.RunAsync(id, ct)).ToOk(text))
            .WithSummary("Build (or top up) the call list from the target rule: how many were selected and may be called, who was excluded and why (do-not-contact, no-consent, no-valid-number), how many the fatigue rules hold back now.")
            .Produces<BuildCallList.Report>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        campaigns.MapGet("/{id:guid}/progress", async (Guid id, CampaignProgress progress, IStringLocalizer<OutreachText> text, CancellationToken ct) =>
                (await progress.RunAsync(id, ct)).ToOk(text))
            .WithSummary("Reach rate, success rate, attempts per reached person, outcomes, exclusions, who is held back by which rule, and the answers summarised per question.")
            .Produces<CampaignProgress.View>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        campaigns.MapGet("/{id:guid}/members", async (Guid id, string? status, string? exclusion, int? skip, int? take, ClaimsPrincipal user, IOptions<PeopleOptions> options, CampaignMembers members, IStringLocalizer<OutreachText> text, CancellationToken ct) =>
                (await members.RunAsync(id, status, exclusion, skip ?? 0, take ?? 100, PersonViewer.From(user, options.Value), ct)).ToOk(text))
            .WithSummary("A page of the call list with names (status pending|done|excluded, exclusion do-not-contact|no-consent|no-valid-number); a read of those people, audited.")
            .Produces<IReadOnlyList<CampaignMembers.Row>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        campaigns.MapGet("/{id:guid}/export", async (Guid id, string? format, string? recipient, string? recipientKind, ClaimsPrincipal user, ExportCallList export, IStringLocalizer<OutreachText> text, CancellationToken ct) =>
            {
                var file = await export.RunAsync(id, format, recipient, recipientKind, StaffActor.From(user).UserId, ct);
                return file.Succeeded ? TypedResults.File(file.Value!.Content, file.Value.ContentType, file.Value.Name) : file.Failure!.ToProblem(text);
            })
            // The campaign page's download links are plain anchors: the signed-in supervisor's cookie reads it.
            .AllowSignInCookieForReads()
            .WithSummary("The call list with outcomes and answers as format=csv|xlsx. recipient (and recipientKind: service-partner, distributor, service-location, call-center-vendor, other) records the hand-over in each person's disclosure ledger.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        campaigns.MapPost("/{id:guid}/members/{personId:guid}/override", async (Guid id, Guid personId, OverrideGuard.Request request, ClaimsPrincipal user, OverrideGuard guard, IStringLocalizer<OutreachText> text, CancellationToken ct) =>
                (await guard.RunAsync(id, personId, request, StaffActor.From(user).UserId, ct)).ToNoContent(text))
            .WithSummary("Let this person's next try pass the timing rules (cooldown, caps, quiet and preferred hours, best time) once, with a reason (audited). Never do-not-contact, consent or another agent's claim.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        foreach (var (verb, status) in new[] { ("start", CampaignStatus.Running), ("pause", CampaignStatus.Paused), ("end", CampaignStatus.Ended) })
        {
            campaigns.MapPost($"/{{id:guid}}/{verb}", async (Guid id, ChangeCampaignStatus change, IStringLocalizer<OutreachText> text, CancellationToken ct) =>
                    (await change.RunAsync(id, status, ct)).ToOk(text))
                .WithName($"Campaign{char.ToUpperInvariant(verb[0])}{verb[1..]}")
                .WithSummary(verb switch
                {
                    "start" => "Start (or resume) the campaign; its call list is built first if it has none.",
                    "pause" => "Pause: agents are offered none of its contacts until it is started again.",
                    _ => "End the campaign for good.",
                })
                .Produces<CampaignView>()
                .ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status404NotFound);
        }
    }

    private static void MapFollowUps(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/follow-up-rules", async (CreateFollowUpRule.Request request, ClaimsPrincipal user, CreateFollowUpRule create, IStringLocalizer<OutreachText> text, CancellationToken ct) =>
                (await create.RunAsync(request, StaffActor.From(user).UserId, ct)).ToCreated(text, v => $"/api/campaigns/{v.Id}"))
            .WithTags("Campaigns")
            .RequireAuthorization(Policies.Supervision)
            .WithSummary("Create a follow-up rule (a draft campaign with a trigger; start it with /api/campaigns/{id}/start): name, trigger (purchase, registration, repair, replacement, check, complaint-resolved, case-promise), offsetDays (0–730 after the event; a case's promise gives its own time), purpose (service-follow-up, survey, marketing, research; a case's promise is always promised-callback), channel, questionnaireId, productIds (only devices of these models), requiredSkill, skillFromDevice (only agents who know the event's device model or maker), maxAttempts, retryMinutes, bestFrom/bestTo. Each such event of a person's own device or case then puts them on its list.")
            .Produces<CampaignView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        var cases = app.MapGroup("/api/cases/{id:guid}/follow-ups").WithTags("Cases").RequireAuthorization(Policies.Staff);
        cases.MapGet("/", async (Guid id, ClaimsPrincipal user, CaseFollowUps list, IStringLocalizer<CasesText> text, CancellationToken ct) =>
                (await list.RunAsync(id, StaffActor.From(user), ct)).ToOk(text))
            .WithSummary("The case's follow-ups (promised on it, or started by it): rule, due time, status, last outcome, the promise's note, and for those waiting what the contact-fatigue guard says now.")
            .Produces<IReadOnlyList<CaseFollowUps.Row>>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapPost("/", async (Guid id, PromiseFollowUp.Request request, ClaimsPrincipal user, PromiseFollowUp promise, IStringLocalizer<CasesText> text, CancellationToken ct) =>
                (await promise.RunAsync(id, request, StaffActor.From(user), ct)).ToCreated(text, _ => $"/api/cases/{id}/follow-ups"))
            .WithSummary("Promise a follow-up at dueAt (future, within two years; e.g. \"we call you back in three months\") with a note for whoever calls: made by an agent with the skill then, through the contact-fatigue guard as a promised callback, and written on the case's timeline.")
            .Produces<Guid>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static void MapAgentOutreach(IEndpointRouteBuilder app)
    {
        var outreach = app.MapGroup("/api/outreach").WithTags("Outreach").RequireAuthorization(Policies.Outreach);

        outreach.MapPost("/next", async (ClaimsPrincipal user, IOptions<PeopleOptions> options, TakeNextContact next, CancellationToken ct) =>
            {
                var viewer = PersonViewer.From(user, options.Value);
                var offer = await next.RunAsync(viewer.UserId, ct);
                if (offer is null)
                {
                    return (IResult)TypedResults.NoContent();
                }

                return TypedResults.Ok(viewer.Masked && offer.Number is { } number ? offer with { Number = Masking.Phone(number) } : offer);
            })
            .WithSummary("The signed-in agent's next contact: a due person from the running campaigns they may take (safety notices first), claimed for them alone across all agents and nodes and passed by the contact-fatigue guard; 204 when nothing is due for them.")
            .Produces<OutreachOffer>()
            .Produces(StatusCodes.Status204NoContent);

        outreach.MapGet("/attempts/{attemptId:guid}", async (Guid attemptId, ClaimsPrincipal user, IOptions<PeopleOptions> options, GetOutreachScript script, IStringLocalizer<OutreachText> text, CancellationToken ct) =>
                (await script.RunAsync(attemptId, PersonViewer.From(user, options.Value), ct)).ToOk(text))
            .WithSummary("Your attempt's script: the person, the campaign, the script and questions in the person's language, choices with their labels, and each consent question's exact wording (what goes to the ledger). A read of the person, audited.")
            .Produces<GetOutreachScript.View>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        outreach.MapPost("/attempts/{attemptId:guid}/dial", async (Guid attemptId, ClaimsPrincipal user, ConfirmDial dial, IStringLocalizer<OutreachText> text, CancellationToken ct) =>
                (await dial.RunAsync(attemptId, StaffActor.From(user).UserId, ct)).ToOk(text))
            .WithSummary("Check right before dialling that the contact is still yours (409 when it was withdrawn by do-not-contact or a withdrawn consent, or expired); renews the claim.")
            .Produces<ConfirmDial.Dial>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        outreach.MapPost("/attempts/{attemptId:guid}/outcome", async (Guid attemptId, RecordOutcome.Request request, ClaimsPrincipal user, RecordOutcome record, IStringLocalizer<OutreachText> text, CancellationToken ct) =>
                (await record.RunAsync(attemptId, request, StaffActor.From(user).UserId, ct)).ToOk(text))
            .WithSummary("Close your attempt: outcome (reached, no-answer, busy, wrong-number, refused, callback-requested with callbackAt, do-not-contact) and answers { questionKey: value } typed as the questionnaire says; consent answers go to the ledger, mapped answers into the profile.")
            .Produces<OutreachAttemptView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        app.MapGet("/api/outreach/guard", async (Guid? personId, string? purpose, string? channel, ClaimsPrincipal user, IOptions<PeopleOptions> options, CareDeskDbContext db, ContactGuard guard, IStringLocalizer<OutreachText> text, CancellationToken ct) =>
            {
                if (personId is not { } person)
                {
                    return (IResult)Failure.Invalid("personId", "Guard.PersonRequired").ToProblem(text);
                }

                if (await OutreachPerson.CheckAsync(db, person, PersonViewer.From(user, options.Value), ct) is { } denied)
                {
                    return denied.ToProblem(text);
                }

                if (!KebabCase.TryParse(purpose, out OutreachPurpose why))
                {
                    return Failure.Invalid("purpose", "Consent.PurposeInvalid", string.Join(", ", Enum.GetValues<OutreachPurpose>().Select(KebabCase.Of))).ToProblem(text);
                }

                if (!OutreachTerms.Channels.TryGetValue(channel ?? "phone", out var how))
                {
                    return Failure.Invalid("channel", "Consent.ChannelInvalid", string.Join(", ", OutreachTerms.Channels.Keys)).ToProblem(text);
                }

                var decision = await guard.CheckAsync(new ContactGuard.Ask(person, why, how), ct);
                return TypedResults.Ok(GuardAnswer.Of(decision));
            })
            .WithTags("Outreach")
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Ask the contact-fatigue guard whether this person may be contacted now for purpose (also safety-notice, promised-callback) on channel: which rule refuses and until when.")
            .Produces<GuardAnswer>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
