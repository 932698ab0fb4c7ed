namespace CareDesk.Features.Outreach;

/// <summary>One entry of a person's consent ledger as the API and the person page show it.</summary>
public sealed record ConsentEntryView(
    Guid Id,
    string Purpose,
    string Channel,
    bool Granted,
    string Wording,
    Guid? ConsentTextId,
    string? Language,
    string Method,
    Guid? ContactId,
    string? Source,
    string RecordedBy,
    DateTimeOffset RecordedAt)
{
    public static ConsentEntryView Of(ConsentEntry e) => new(
        e.Id, OutreachTerms.Of(e.Purpose), OutreachTerms.Of(e.Channel), e.Granted, e.Wording, e.ConsentTextId, e.Language,
        OutreachTerms.Of(e.Method), e.ContactId, e.Source, e.RecordedBy, e.RecordedAt);
}
