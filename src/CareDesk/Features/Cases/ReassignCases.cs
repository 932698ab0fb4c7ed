using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.Extensions.Localization;

namespace CareDesk.Features.Cases;

/// <summary>
/// A supervisor gives several cases to one person or team with one note (an agent gone home, a queue to empty). Each
/// case is one handoff (<see cref="HandOffCase"/>: its rules, its timeline entry with the note, its audit) at the
/// version the supervisor saw: a case changed meanwhile is reported as a conflict and left as it is, the others go.
/// </summary>
public sealed class ReassignCases(HandOffCase handOff, CaseAccess access, CareDeskDbContext db, IStringLocalizer<CasesText> text)
{
    public const int MaxCases = 200;

    public sealed record Item(Guid Id, [property: Required, MaxLength(64)] string Version);

    public sealed record Request(
        [property: Required, MinLength(1), MaxLength(MaxCases)] IReadOnlyList<Item> Cases,
        [property: MaxLength(450)] string? ToUserId,
        [property: MaxLength(64)] string? ToTeam,
        [property: Required, MaxLength(8000)] string Note);

    /// <param name="Outcome"><c>reassigned</c>, <c>conflict</c> (changed since it was read: read it again),
    /// <c>not-found</c>, <c>forbidden</c> or <c>invalid</c> (closed, already that owner…), with the reason.</param>
    public sealed record CaseOutcome(Guid Id, string Outcome, string? Message);

    public sealed record Response(int Reassigned, IReadOnlyList<CaseOutcome> Cases);

    public async Task<Result<Response>> RunAsync(Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        // What is wrong for every case is a 400 for the request, not the same failure once per case.
        if (string.IsNullOrWhiteSpace(request.Note))
        {
            return Failure.Invalid("note", "Case.HandoffNoteRequired");
        }

        if ((await access.ResolveOwnerAsync(request.ToUserId, request.ToTeam, cancellationToken)).Failure is { } noOwner)
        {
            return noOwner;
        }

        var outcomes = new List<CaseOutcome>();
        foreach (var item in request.Cases.DistinctBy(c => c.Id))
        {
            var result = await handOff.RunAsync(item.Id, new HandOffCase.Request(request.ToUserId, request.ToTeam, request.Note, item.Version), actor, cancellationToken);
            // A refused or conflicting case must not ride along with the next one's save.
            db.ChangeTracker.Clear();
            outcomes.Add(result.Failure is { } failure
                ? new CaseOutcome(item.Id, Outcome(failure.Kind), failure.Message(text))
                : new CaseOutcome(item.Id, "reassigned", null));
        }

        return new Response(outcomes.Count(o => o.Outcome == "reassigned"), outcomes);
    }

    private static string Outcome(FailureKind kind) => kind switch
    {
        FailureKind.Conflict => "conflict",
        FailureKind.NotFound => "not-found",
        FailureKind.Forbidden => "forbidden",
        _ => "invalid",
    };
}
