namespace CareDesk.Features.People.Merging;

/// <summary>The survivor's contacts and cases at the merge: anything else of the survivor's is new since, and stays unless moved.</summary>
public sealed record SurvivorRows
{
    public List<Guid> Contacts { get; init; } = [];

    public List<Guid> Cases { get; init; } = [];
}
