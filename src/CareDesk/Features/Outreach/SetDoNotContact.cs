using System.ComponentModel.DataAnnotations;
using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;

namespace CareDesk.Features.Outreach;

/// <summary>
/// "Do not contact me" (F19): one action on the person's page, the API, an outreach call's outcome or an inbound
/// request stops every non-safety outbound contact at once — the person leaves every running list and a claim an agent
/// holds is withdrawn before its dial, on every node. Lifting it (the person asks to be contacted again) is an entry too.
/// </summary>
public sealed class SetDoNotContact(CareDeskDbContext db, OutreachWithdrawal withdrawal, TimeProvider clock)
{
    public sealed record Request([property: MaxLength(1000)] string? Reason, bool? Active = null, [property: MaxLength(32)] string? Source = null);

    public static readonly IReadOnlySet<string> Sources = new HashSet<string>(StringComparer.Ordinal) { "person-page", "api", "inbound", "outreach-call" };

    public async Task<Result<DoNotContactView>> RunAsync(Guid personId, Request request, PersonViewer viewer, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return Failure.Invalid("reason", "DoNotContact.ReasonRequired");
        }

        var source = string.IsNullOrWhiteSpace(request.Source) ? "api" : request.Source.Trim();
        if (!Sources.Contains(source))
        {
            return Failure.Invalid("source", "DoNotContact.SourceInvalid", string.Join(", ", Sources));
        }

        if (await OutreachPerson.CheckAsync(db, personId, viewer, cancellationToken) is { } denied)
        {
            return denied;
        }

        var entry = await RecordAsync(personId, request.Active ?? true, request.Reason.Trim(), source, null, viewer.UserId, cancellationToken);
        return DoNotContactView.Of(entry);
    }

    /// <summary>Appends the entry and, when set, withdraws the person from outreach, in one save.</summary>
    internal async Task<DoNotContactEntry> RecordAsync(Guid personId, bool active, string reason, string source, Guid? contactId, string userId, CancellationToken cancellationToken)
    {
        var entry = new DoNotContactEntry
        {
            PersonId = personId,
            Active = active,
            Reason = reason,
            Source = source,
            ContactId = contactId,
            RecordedBy = userId,
            RecordedAt = clock.GetUtcNow(),
        };
        await OutreachWithdrawal.SaveRetryingAsync(db, withdrawal, async () =>
        {
            db.DoNotContactEntries.Add(entry);
            if (active)
            {
                await withdrawal.StageAsync(personId, OutreachWithdrawal.Because.DoNotContact(), cancellationToken);
            }
        }, cancellationToken);
        return entry;
    }
}
