namespace CareDesk.Features.Outreach;

/// <summary>One entry of a person's disclosure ledger: what was shared with whom, why, by what.</summary>
public sealed record DisclosureView(Guid Id, string RecipientKind, string Recipient, IReadOnlyList<string> Data, string Reason, string SharedBy, Guid? SourceId, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static DisclosureView Of(Disclosure d) =>
        new(d.Id, OutreachTerms.Of(d.RecipientKind), d.Recipient, d.Data, d.Reason, d.SharedBy, d.SourceId, d.RecordedBy, d.RecordedAt);
}
