using CareDesk.Features.Cases;
using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Contacts;

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
