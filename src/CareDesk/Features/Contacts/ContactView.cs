using CareDesk.Features.Cases;
using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Contacts;

/// <summary>One transfer as the API shows it: from and to are names (a user's, a team's, or the outside address).</summary>
public sealed record TransferView(
    DateTimeOffset At, string? FromUserId, string? FromTeamId, string? ToUserId, string? ToTeamId, string? ToAddress, string From, string To, string? Note);

/// <summary>A case the contact concerns.</summary>
public sealed record LinkedCaseView(Guid Id, string Number, string Subject, string Status);

/// <summary>
/// A recording: <c>file</c> (uploaded, with its size and SHA-256) or <c>link</c> (kept by the phone system).
/// <paramref name="PlayUrl"/> plays either through CareDesk, so every play is checked and audited.
/// </summary>
public sealed record RecordingView(string Kind, string PlayUrl, string? ContentType, long? Bytes, string? Sha256, string? Url);

/// <summary>The contact's screening answer (F15): does the caller allege a problem with a device, <c>yes</c> or <c>no</c>; who answered and when.</summary>
public sealed record ScreeningView(string DeviceProblemAlleged, string? ScreenedBy, string? ScreenedByName, DateTimeOffset? ScreenedAt);

/// <summary>One contact with its timings, hold, transfers, recording and the cases it concerns (F10).</summary>
public sealed record ContactView(
    Guid Id,
    Guid? PersonId,
    string Channel,
    string Direction,
    string Source,
    string? ExternalId,
    string? From,
    string? To,
    string? AgentUserId,
    string? AgentName,
    DateTimeOffset StartedAt,
    DateTimeOffset? QueuedAt,
    DateTimeOffset? RingingAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndedAt,
    bool Missed,
    int HoldSeconds,
    int HoldCount,
    string? Outcome,
    string? Subject,
    string? Notes,
    RecordingView? Recording,
    IReadOnlyList<TransferView> Transfers,
    IReadOnlyList<LinkedCaseView> Cases,
    string Version,
    ScreeningView? Screening = null);

/// <summary>Builds <see cref="ContactView"/>s for a page of contacts: transfers, names and linked cases in one query each.</summary>
public sealed class ContactViews(CareDeskDbContext db, OwnerNames owners)
{
    public static string PlayUrl(Guid contactId) => $"/api/contacts/{contactId}/recording";

    public async Task<IReadOnlyList<ContactView>> BuildAsync(IReadOnlyList<Contact> contacts, bool masked, CancellationToken cancellationToken)
    {
        if (contacts.Count == 0)
        {
            return [];
        }

        var ids = contacts.Select(c => c.Id).ToList();
        var transfers = (await db.ContactTransfers.AsNoTracking().Where(t => ids.Contains(t.ContactId)).ToListAsync(cancellationToken))
            .ToLookup(t => t.ContactId);
        var cases = (await db.CaseEntries.AsNoTracking()
                .Where(e => e.ContactId != null && ids.Contains(e.ContactId.Value))
                .Join(db.Cases, e => e.CaseId, c => c.Id, (e, c) => new { ContactId = e.ContactId!.Value, c.Id, c.Number, c.Subject, c.Status })
                .ToListAsync(cancellationToken))
            .DistinctBy(x => (x.ContactId, x.Id))
            .ToLookup(x => x.ContactId);
        var names = await owners.LoadAsync(
            contacts.Select(c => (c.AgentUserId, (string?)null)).Concat(contacts.Select(c => (c.ScreenedBy, (string?)null)))
                .Concat(transfers.SelectMany(g => g).SelectMany(t => new[] { (t.FromUserId, t.FromTeamId), (t.ToUserId, t.ToTeamId) })),
            cancellationToken);
        string Name(string? userId, string? teamId, string? address) =>
            userId is null && teamId is null ? address ?? "–" : names(userId, teamId).Name;

        return [.. contacts.Select(c => new ContactView(
            c.Id,
            c.PersonId,
            KebabCase.Of(c.Channel),
            KebabCase.Of(c.Direction),
            c.Source,
            c.ExternalId,
            masked ? MaskAddress(c.FromAddress) : c.FromAddress,
            masked ? MaskAddress(c.ToAddress) : c.ToAddress,
            c.AgentUserId,
            c.AgentUserId is null ? null : names(c.AgentUserId, null).Name,
            c.StartedAt,
            c.QueuedAt,
            c.RingingAt,
            c.AnsweredAt,
            c.EndedAt,
            c.Missed,
            c.HoldSeconds,
            c.HoldCount,
            c.Outcome,
            c.Subject,
            masked ? Masking.Text(c.Notes) : c.Notes,
            Recording(c),
            [.. (c.Transfers.Count > 0 ? c.Transfers : transfers[c.Id]).OrderBy(t => t.At).Select(t => new TransferView(
                t.At, t.FromUserId, t.FromTeamId, t.ToUserId, t.ToTeamId, t.ToAddress,
                Name(t.FromUserId, t.FromTeamId, null), Name(t.ToUserId, t.ToTeamId, t.ToAddress), t.Note))],
            [.. cases[c.Id].OrderBy(x => x.Number).Select(x => new LinkedCaseView(x.Id, CaseNumbers.Display(x.Number), x.Subject, CaseTerms.Of(x.Status)))],
            c.Version.ToString(),
            c.DeviceProblemAlleged is { } alleged
                ? new ScreeningView(alleged ? "yes" : "no", c.ScreenedBy, c.ScreenedBy is null ? null : names(c.ScreenedBy, null).Name, c.ScreenedAt)
                : null))];
    }

    public async Task<ContactView> BuildAsync(Contact contact, bool masked, CancellationToken cancellationToken) =>
        (await BuildAsync([contact], masked, cancellationToken))[0];

    private static RecordingView? Recording(Contact c) => c switch
    {
        { RecordingFile: not null } => new RecordingView("file", PlayUrl(c.Id), c.RecordingContentType, c.RecordingBytes, c.RecordingSha256, null),
        { RecordingUrl: not null } => new RecordingView("link", PlayUrl(c.Id), null, null, null, c.RecordingUrl),
        _ => null,
    };

    private static string? MaskAddress(string? value) => value switch
    {
        null => null,
        _ when value.Contains('@', StringComparison.Ordinal) => Masking.Email(value),
        _ => Masking.Phone(value),
    };
}
