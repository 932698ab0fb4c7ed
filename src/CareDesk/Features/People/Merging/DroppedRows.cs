using CareDesk.Features.Outreach;

namespace CareDesk.Features.People.Merging;

/// <summary>
/// What a merge took out rather than moved, kept whole so an unmerge can put it back under its own key: the merged
/// person's duplicates of the survivor's contact points, relationships between the two or that would have doubled
/// one of the survivor's, and campaign memberships in a campaign the survivor is in too. Plus what the merge itself
/// wrote to the survivor's facts, to take back.
/// </summary>
public sealed record DroppedRows
{
    public List<ContactPoint> ContactPoints { get; init; } = [];

    public List<Relationship> Relationships { get; init; } = [];

    public List<CampaignMember> CampaignMembers { get; init; } = [];

    /// <summary>The survivor's contact points that took a duplicate's better provenance: the provenance before and after.</summary>
    public List<ProvenanceChange> ProvenanceChanges { get; init; } = [];

    /// <summary>The "do not contact" entry the merge added to the survivor because the merged person's was in force.</summary>
    public Guid? DoNotContactEntryAdded { get; init; }
}
