namespace CareDesk.Features.Cases;

/// <summary>
/// One case in a list (my work, a team's queue, a person's cases). <paramref name="ServiceLevel"/>: <c>on-track</c>,
/// <c>warning</c>, <c>breached</c>, <c>paused</c>, <c>met</c> or <c>none</c>; <paramref name="NextDueAt"/>: the soonest due
/// time of a running clock. Both come from stored columns (docs/service-levels.md). <paramref name="LastActivityAt"/>: the
/// last timeline entry; <paramref name="Version"/>: what a change of the case (a reassignment from the list) sends back.
/// </summary>
public sealed record CaseSummary(
    Guid Id, string Number, Guid PersonId, string PersonName, string Type, string Priority, string Status, string Subject,
    OwnerView Owner, DateTimeOffset OpenedAt, DateTimeOffset UpdatedAt, string ServiceLevel = "none", DateTimeOffset? NextDueAt = null,
    DateTimeOffset? LastActivityAt = null, string? Version = null);
