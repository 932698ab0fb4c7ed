namespace CareDesk.Features.Outreach;

/// <summary>The consent in force for one purpose and channel: the newest ledger entry's answer and when it was given.</summary>
public sealed record ConsentState(string Purpose, string Channel, bool Granted, DateTimeOffset Since, Guid EntryId);
