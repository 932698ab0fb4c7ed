using System.Security.Claims;
using CareDesk.Features.People.Search;
using CareDesk.Platform;
using CareDesk.Platform.Api;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.People;

internal static class PeopleEndpoints
{
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddValidatedOptions<PeopleOptions>(PeopleOptions.Section);
        services.AddSingleton<PhoneNumberParser>();
        services.AddScoped<LookupCallers>();
        services.AddDataSeeder<DemoPeopleSeeder>();
        services.AddScoped<CreatePerson>();
        services.AddScoped<GetPersonProfile>();
        services.AddScoped<PersonReads>();
        services.AddScoped<UpdatePerson>();
        services.AddScoped<AddRelationship>();
        services.AddScoped<ConfirmFact>();
        services.AddScoped<SearchPeople>();
        services.AddScoped<AddContactPoint>();
        services.AddScoped<RemoveFact>();
        services.AddScoped<ListFieldReps>();
        services.AddSingleton<IInterceptor, SearchTermIndexer>();
        services.AddSingleton<IAuditRecordNames, PersonAuditNames>();
        services.AddHostedService<SearchTermBackfill>();
        return services;
    }

    public static IEndpointRouteBuilder MapPeopleEndpoints(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/people").WithTags("People").RequireAuthorization(Policies.Staff);

        people.MapGet("/lookup", async (string? phone, ClaimsPrincipal user, IOptions<PeopleOptions> options, [FromServices] PhoneNumberParser phones, LookupCallers lookup, PersonReads reads, IStringLocalizer<PeopleText> text, CancellationToken ct) =>
            {
                if (phones.TryParse(phone) is not { } parsed)
                {
                    return (IResult)Validation.Problem("phone", text["Phone.Invalid"]);
                }

                var viewer = PersonViewer.From(user, options.Value);
                var found = await lookup.RunAsync(parsed.E164, ct, viewer.OnlyAssigned ? viewer.UserId : null);
                await reads.RecordAsync(found.Select(m => m.PersonId), "caller lookup", ct);
                return TypedResults.Ok(found);
            })
            .WithSummary("Who is calling: people with this number (any format), then the patients they care for.")
            .Produces<IReadOnlyList<LookupCallers.Match>>()
            .ProducesValidationProblem();

        people.MapGet("/", async (string? q, ClaimsPrincipal user, IOptions<PeopleOptions> options, SearchPeople search, CancellationToken ct) =>
                TypedResults.Ok(await search.RunAsync(q, PersonViewer.From(user, options.Value), ct)))
            .WithSummary("Search people by any part of a name (any case, Chinese names also by pinyin), any four or more digits of a phone number, a whole number in any format, last four digits plus a name (\"5678 王\"), e-mail or device serial.")
            .Produces<IReadOnlyList<SearchPeople.Hit>>();

        people.MapGet("/field-reps", async (ListFieldReps list, CancellationToken ct) => TypedResults.Ok(await list.RunAsync(ct)))
            .WithSummary("The field reps a person can be assigned to (send one's id as assignedFieldRepId).")
            .Produces<IReadOnlyList<ListFieldReps.FieldRep>>();

        people.MapPost("/", async (CreatePerson.Request request, CreatePerson create, GetPersonProfile profile, ClaimsPrincipal user, IOptions<PeopleOptions> options, IStringLocalizer<PeopleText> text, CancellationToken ct) =>
            {
                var viewer = PersonViewer.From(user, options.Value);
                // A field rep's new person is theirs, or they could not see it afterwards.
                var result = await create.RunAsync(viewer.OnlyAssigned ? request with { AssignedFieldRepId = viewer.UserId } : request, ct);
                return await result.ToCreatedAsync(text, v => $"/api/people/{v}", v => profile.RunAsync(v, viewer, ct));
            })
            .WithSummary("Create a person with phones (any format, stored as E.164), e-mails, messaging ids and addresses; each fact records its source.")
            .Produces<GetPersonProfile.Profile>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        people.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, IOptions<PeopleOptions> options, GetPersonProfile profile, IStringLocalizer<PeopleText> text, CancellationToken ct) =>
                (await profile.RunAsync(id, PersonViewer.From(user, options.Value), ct)).ToOk(text))
            .WithSummary("The person's whole profile: contact points with source and staleness, addresses, relationships both ways, devices with warranty, last contacts. The read is audited.")
            .Produces<GetPersonProfile.Profile>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        people.MapPut("/{id:guid}", async (Guid id, UpdatePerson.Request request, ClaimsPrincipal user, IOptions<PeopleOptions> options, UpdatePerson update, GetPersonProfile profile, IStringLocalizer<PeopleText> text, CancellationToken ct) =>
            {
                var viewer = PersonViewer.From(user, options.Value);
                var result = await update.RunAsync(id, request, viewer, ct);
                if (result.Failure is { Kind: FailureKind.Conflict } conflict)
                {
                    // The second writer gets what is stored now, to redo their change on top of it.
                    var current = await profile.RunAsync(id, viewer, ct);
                    return TypedResults.Problem(
                        conflict.Message(text),
                        statusCode: StatusCodes.Status409Conflict,
                        extensions: new Dictionary<string, object?> { ["version"] = current.Value?.Version, ["current"] = current.Value });
                }

                return await result.ToOkAsync(text, _ => profile.RunAsync(id, viewer, ct));
            })
            .WithSummary("Change the person's own fields; send the version you read (409 with the current profile and version if it changed).")
            .Produces<GetPersonProfile.Profile>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        people.MapPost("/{id:guid}/relationships", async (Guid id, AddRelationship.Request request, ClaimsPrincipal user, IOptions<PeopleOptions> options, AddRelationship add, GetPersonProfile profile, IStringLocalizer<PeopleText> text, CancellationToken ct) =>
            {
                var viewer = PersonViewer.From(user, options.Value);
                var result = await add.RunAsync(id, request, viewer, ct);
                return await result.ToCreatedAsync(text, _ => $"/api/people/{id}", _ => profile.RunAsync(id, viewer, ct));
            })
            .WithSummary("Relate this person to another: kind caregiver-of, parent-of or healthcare-professional-of (read both ways).")
            .Produces<GetPersonProfile.Profile>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        people.MapPost("/{id:guid}/contact-points", async (Guid id, AddContactPoint.Request request, ClaimsPrincipal user, IOptions<PeopleOptions> options, AddContactPoint add, GetPersonProfile profile, IStringLocalizer<PeopleText> text, CancellationToken ct) =>
            {
                var viewer = PersonViewer.From(user, options.Value);
                var result = await add.RunAsync(id, request, viewer, ct);
                return await result.ToOkAsync(text, _ => profile.RunAsync(id, viewer, ct));
            })
            .WithSummary("Add a phone (any format), e-mail, messaging id or address: exactly one of phone, email, messaging, address.")
            .Produces<GetPersonProfile.Profile>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        people.MapDelete("/{id:guid}/facts/{factId:guid}", async (Guid id, Guid factId, ClaimsPrincipal user, IOptions<PeopleOptions> options, RemoveFact remove, IStringLocalizer<PeopleText> text, CancellationToken ct) =>
            {
                var result = await remove.RunAsync(id, factId, PersonViewer.From(user, options.Value), ct);
                return result.ToNoContent(text);
            })
            .WithSummary("Remove a contact point, address or relationship of this person.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        people.MapPost("/{id:guid}/facts/{factId:guid}/confirm", async (Guid id, Guid factId, ClaimsPrincipal user, IOptions<PeopleOptions> options, ConfirmFact confirm, GetPersonProfile profile, IStringLocalizer<PeopleText> text, CancellationToken ct) =>
            {
                var viewer = PersonViewer.From(user, options.Value);
                var result = await confirm.RunAsync(id, factId, viewer, ct);
                return await result.ToOkAsync(text, _ => profile.RunAsync(id, viewer, ct));
            })
            .WithSummary("Confirm a contact point, address, relationship or device with the caller: verified now, by you (audited).")
            .Produces<GetPersonProfile.Profile>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }
}
