namespace CareDesk.Features.Outreach;

/// <summary>One "do not contact" entry (set or lifted).</summary>
public sealed record DoNotContactView(Guid Id, bool Active, string Reason, string Source, Guid? ContactId, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static DoNotContactView Of(DoNotContactEntry e) => new(e.Id, e.Active, e.Reason, e.Source, e.ContactId, e.RecordedBy, e.RecordedAt);
}
