namespace CareDesk.Features.People.Merging;

/// <summary>
/// Exactly which rows a merge moved from the merged person to the survivor, table by table, by their keys; what an
/// unmerge moves back (docs/people-merge.md lists every table and why).
/// </summary>
public sealed record MovedRows
{
    public List<Guid> ContactPoints { get; init; } = [];

    /// <summary>Moved contact points that were primary and lost it, because the survivor has a primary of that kind.</summary>
    public List<Guid> PrimaryCleared { get; init; } = [];

    public List<Guid> Addresses { get; init; } = [];

    /// <summary>Relationships the merged person was the "from" of (now the survivor's).</summary>
    public List<Guid> RelationshipsFrom { get; init; } = [];

    /// <summary>Relationships the merged person was the "to" of.</summary>
    public List<Guid> RelationshipsTo { get; init; } = [];

    public List<Guid> Devices { get; init; } = [];

    public List<Guid> Cases { get; init; } = [];

    /// <summary>Cases (of anyone) on which the merged person was the caller.</summary>
    public List<Guid> CaseCallers { get; init; } = [];

    public List<Guid> Contacts { get; init; } = [];

    public List<Guid> Complaints { get; init; } = [];

    public List<Guid> ConsentEntries { get; init; } = [];

    public List<Guid> DoNotContactEntries { get; init; } = [];

    public List<Guid> Disclosures { get; init; } = [];

    public List<Guid> FollowUpEvents { get; init; } = [];

    public List<Guid> OutreachAttempts { get; init; } = [];

    public List<Guid> OutreachAnswers { get; init; } = [];

    /// <summary>Campaigns whose member the merged person was (the key is campaign and person: the row is re-keyed).</summary>
    public List<Guid> CampaignMembers { get; init; } = [];

    public List<RecallDeviceKey> RecallDevices { get; init; } = [];

    public int Count =>
        ContactPoints.Count + Addresses.Count + RelationshipsFrom.Count + RelationshipsTo.Count + Devices.Count + Cases.Count
        + CaseCallers.Count + Contacts.Count + Complaints.Count + ConsentEntries.Count + DoNotContactEntries.Count + Disclosures.Count
        + FollowUpEvents.Count + OutreachAttempts.Count + OutreachAnswers.Count + CampaignMembers.Count + RecallDevices.Count;
}
