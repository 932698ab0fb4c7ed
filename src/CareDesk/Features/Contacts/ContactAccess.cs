using System.Text.RegularExpressions;
using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Contacts;

/// <summary>
/// Who may see a contact (a field rep: only contacts with their own customers; a contact with nobody yet is not
/// theirs), and the rules every write of a contact checks: known channel, direction, agent, person, times in order.
/// </summary>
public sealed partial class ContactAccess(CareDeskDbContext db, TimeProvider clock)
{
    public DateTimeOffset Now() => clock.GetUtcNow();

    public async Task<Result<Contact>> LoadAsync(Guid id, PersonViewer viewer, CancellationToken cancellationToken, bool tracked = true)
    {
        var query = tracked ? db.Contacts : db.Contacts.AsNoTracking();
        if (await query.Include(c => c.Transfers).SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } contact)
        {
            return Failure.NotFound("Contact.NotFound");
        }

        return await MaySeeAsync(contact.PersonId, viewer, cancellationToken) ? contact : new Failure(FailureKind.Forbidden, "Contact.Forbidden");
    }

    public async Task<bool> MaySeeAsync(Guid? personId, PersonViewer viewer, CancellationToken cancellationToken)
    {
        if (!viewer.OnlyAssigned)
        {
            return true;
        }

        return personId is { } id && await db.People.AnyAsync(p => p.Id == id && p.AssignedFieldRepId == viewer.UserId, cancellationToken);
    }

    /// <summary>The person a contact is written for: must exist, and be the viewer's to see.</summary>
    public async Task<Failure?> CheckPersonAsync(Guid? personId, PersonViewer viewer, CancellationToken cancellationToken)
    {
        if (personId is not { } id)
        {
            // A field rep's contact must be with one of their customers, or they could not read it back.
            return viewer.OnlyAssigned ? Failure.Invalid("personId", "Contact.PersonRequired") : null;
        }

        var person = await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.AssignedFieldRepId }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return Failure.Invalid("personId", "Contact.PersonNotFound");
        }

        return viewer.MaySee(person.AssignedFieldRepId) ? null : new Failure(FailureKind.Forbidden, "Contact.Forbidden");
    }

    public async Task<Failure?> CheckUserAsync(string? userId, string field, CancellationToken cancellationToken) =>
        userId is null || await db.Users.AnyAsync(u => u.Id == userId, cancellationToken) ? null : Failure.Invalid(field, "Contact.UserNotFound");

    public async Task<Failure?> CheckTeamAsync(string? teamId, string field, CancellationToken cancellationToken) =>
        teamId is null || await db.Teams.AnyAsync(t => t.Id == teamId, cancellationToken) ? null : Failure.Invalid(field, "Contact.TeamNotFound");

    public static Result<ContactChannel> Channel(string? text) =>
        KebabCase.TryParse(text, out ContactChannel channel)
            ? channel
            : Failure.Invalid("channel", "Contact.ChannelInvalid", string.Join(", ", Enum.GetValues<ContactChannel>().Select(KebabCase.Of)));

    public static Result<ContactDirection> Direction(string? text) =>
        KebabCase.TryParse(text, out ContactDirection direction)
            ? direction
            : Failure.Invalid("direction", "Contact.DirectionInvalid", "inbound, outbound");

    /// <summary>Queued, answered, ended: each, when given, not before the one before it.</summary>
    public static Failure? CheckTimes(DateTimeOffset? startedAt, DateTimeOffset? queuedAt, DateTimeOffset? answeredAt, DateTimeOffset? endedAt)
    {
        if (queuedAt is { } q && answeredAt is { } a && a < q)
        {
            return Failure.Invalid("answeredAt", "Contact.TimesOutOfOrder");
        }

        var latestStart = new[] { startedAt, queuedAt, answeredAt }.Max();
        return endedAt is { } e && latestStart is { } s && e < s ? Failure.Invalid("endedAt", "Contact.TimesOutOfOrder") : null;
    }

    /// <summary>A recording the phone system keeps: an absolute http(s) URL.</summary>
    public static Failure? CheckRecordingUrl(string? url, string field = "recordingUrl") =>
        url is null || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            ? null
            : Failure.Invalid(field, "Contact.RecordingUrlInvalid");

    public static bool IsSource(string source) => SourcePattern().IsMatch(source);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex SourcePattern();

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
