using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Cases;

/// <summary>
/// Links two cases (related, or a duplicate), lists a case's links and removes one; every change is on both cases'
/// timelines, in one transaction.
/// </summary>
public sealed class LinkCases(CareDeskDbContext db, CaseAccess access)
{
    /// <param name="OtherCaseId">The other case by id, or</param>
    /// <param name="OtherNumber">by the number a caller reads out (dashes and letter case do not matter).</param>
    /// <param name="Kind"><c>related</c> (default) or <c>duplicate</c>.</param>
    public sealed record Request(Guid? OtherCaseId = null, [property: MaxLength(32)] string? OtherNumber = null, [property: MaxLength(16)] string? Kind = null, [property: MaxLength(2000)] string? Note = null);

    /// <param name="Merge"><c>merged-here</c> (the other case was merged into this one), <c>merged-into</c> (this one into the other), or null.</param>
    public sealed record LinkView(Guid CaseId, string Number, string Subject, string Status, string Kind, string? Note, DateTimeOffset LinkedAt, string? Merge);

    public const string MergedHere = "merged-here";

    public const string MergedInto = "merged-into";

    public static readonly IReadOnlyDictionary<string, CaseLinkKind> Kinds = Enum.GetValues<CaseLinkKind>().ToDictionary(k => CaseTerms.Of(k), k => k, StringComparer.Ordinal);

    public async Task<Result<Guid>> LinkAsync(Guid id, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        var kind = CaseLinkKind.Related;
        if (request.Kind is not null && !Kinds.TryGetValue(request.Kind, out kind))
        {
            return Failure.Invalid("kind", "CaseLink.KindInvalid", CaseTerms.List(Kinds));
        }

        var loaded = await access.LoadAsync(id, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var other = await FindOtherAsync(id, request.OtherCaseId, request.OtherNumber, "otherCaseId", "otherNumber", actor, cancellationToken);
        if (other.Failure is { } noOther)
        {
            return noOther;
        }

        var (first, second) = CaseLink.Pair(id, other.Value!.Id);
        if (await db.CaseLinks.AnyAsync(l => l.FirstCaseId == first && l.SecondCaseId == second, cancellationToken))
        {
            // Linking again changes nothing.
            return id;
        }

        var now = access.Now();
        var note = Trimmed(request.Note);
        db.CaseLinks.Add(new CaseLink { FirstCaseId = first, SecondCaseId = second, Kind = kind, Note = note, LinkedBy = actor.UserId, LinkedAt = now });
        AddEntry(other.Value, CaseEntryKind.Linked, now, actor, loaded.Value!, $"{CaseTerms.Of(kind)}{(note is null ? "" : " — " + note)}");
        other.Value.UpdatedAt = now;
        return await access.SaveAsync(loaded.Value!, Entry(CaseEntryKind.Linked, now, actor, other.Value, $"{CaseTerms.Of(kind)}{(note is null ? "" : " — " + note)}"), cancellationToken);
    }

    public async Task<Result<Guid>> UnlinkAsync(Guid id, Guid otherCaseId, StaffActor actor, CancellationToken cancellationToken)
    {
        var loaded = await access.LoadAsync(id, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var (first, second) = CaseLink.Pair(id, otherCaseId);
        if (await db.CaseLinks.SingleOrDefaultAsync(l => l.FirstCaseId == first && l.SecondCaseId == second, cancellationToken) is not { } link)
        {
            return Failure.NotFound("CaseLink.NotFound");
        }

        var other = await db.Cases.SingleAsync(c => c.Id == otherCaseId, cancellationToken);
        var now = access.Now();
        db.CaseLinks.Remove(link);
        AddEntry(other, CaseEntryKind.Unlinked, now, actor, loaded.Value!, null);
        other.UpdatedAt = now;
        return await access.SaveAsync(loaded.Value!, Entry(CaseEntryKind.Unlinked, now, actor, other, null), cancellationToken);
    }

    /// <summary>The cases linked to <paramref name="id"/>, those merged into it, and the one it was merged into.</summary>
    public async Task<Result<IReadOnlyList<LinkView>>> ListAsync(Guid id, StaffActor actor, CancellationToken cancellationToken)
    {
        var loaded = await access.LoadAsync(id, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var mergedInto = loaded.Value!.MergedIntoCaseId;
        var links = await db.CaseLinks.AsNoTracking().Where(l => l.FirstCaseId == id || l.SecondCaseId == id).ToListAsync(cancellationToken);
        var otherIds = links.Select(l => l.OtherThan(id)).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => otherIds.Contains(c.Id) || c.MergedIntoCaseId == id || c.Id == mergedInto)
            .Select(c => new { c.Id, c.Number, c.Subject, c.Status, c.MergedIntoCaseId, c.ClosedAt }).ToListAsync(cancellationToken);
        string? Merge(Guid other) => other == mergedInto ? MergedInto : cases.Any(c => c.Id == other && c.MergedIntoCaseId == id) ? MergedHere : null;
        var linked = links.Select(l => (Other: l.OtherThan(id), l.Kind, l.Note, l.LinkedAt))
            .Concat(cases.Where(c => !otherIds.Contains(c.Id)).Select(c => (Other: c.Id, Kind: CaseLinkKind.Duplicate, Note: (string?)null, LinkedAt: c.ClosedAt ?? default)));
        return linked.Join(cases, l => l.Other, c => c.Id, (l, c) => new LinkView(
                c.Id, CaseNumbers.Display(c.Number), c.Subject, CaseTerms.Of(c.Status), CaseTerms.Of(l.Kind), l.Note, l.LinkedAt, Merge(c.Id)))
            .OrderBy(l => l.LinkedAt).ToList();
    }

    /// <summary>The other case of a link or merge, by id or number (exactly one), visible to the actor.</summary>
    internal async Task<Result<Case>> FindOtherAsync(Guid id, Guid? otherId, string? otherNumber, string idField, string numberField, StaffActor actor, CancellationToken cancellationToken)
    {
        if ((otherId is null) == string.IsNullOrWhiteSpace(otherNumber))
        {
            return Failure.Invalid(otherId is null ? idField : numberField, "CaseLink.OtherExactlyOne");
        }

        var field = otherId is null ? numberField : idField;
        Case? other;
        if (otherId is { } byId)
        {
            other = await db.Cases.SingleOrDefaultAsync(c => c.Id == byId, cancellationToken);
        }
        else
        {
            if (CaseNumbers.Normalize(otherNumber) is not { } number)
            {
                return Failure.Invalid(field, "CaseLink.NumberInvalid");
            }

            other = await db.Cases.SingleOrDefaultAsync(c => c.Number == number, cancellationToken);
        }

        if (other is null)
        {
            return Failure.Invalid(field, "CaseLink.OtherNotFound");
        }

        if (other.Id == id)
        {
            return Failure.Invalid(field, "CaseLink.Itself");
        }

        // A case the actor may not see is answered like one that does not exist.
        return await access.CheckPersonAsync(other.PersonId, actor, cancellationToken) is null ? other : Failure.Invalid(field, "CaseLink.OtherNotFound");
    }

    internal void AddEntry(Case on, CaseEntryKind kind, DateTimeOffset at, StaffActor actor, Case other, string? text)
    {
        var entry = Entry(kind, at, actor, other, text);
        entry.CaseId = on.Id;
        db.CaseEntries.Add(entry);
    }

    internal static CaseEntry Entry(CaseEntryKind kind, DateTimeOffset at, StaffActor actor, Case other, string? text) => new()
    {
        Kind = kind,
        At = at,
        ActorUserId = actor.UserId,
        OtherCaseId = other.Id,
        // The other case's number first, so the timeline reads without a lookup.
        Text = text is null ? CaseNumbers.Display(other.Number) : $"{CaseNumbers.Display(other.Number)} · {text}",
    };

    internal static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
