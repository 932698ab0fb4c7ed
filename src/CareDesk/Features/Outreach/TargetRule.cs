namespace CareDesk.Features.Outreach;

/// <summary>
/// Who a campaign is for (F21): people with a device of one of the models, bought or registered in a window, living in
/// a region, speaking a language, last contacted before or after a time. Empty parts match everyone; consent for the
/// campaign's purpose and channel is always required.
/// </summary>
public sealed record TargetRule(
    IReadOnlyList<string>? ProductIds = null,
    DateOnly? PurchasedFrom = null,
    DateOnly? PurchasedTo = null,
    DateTimeOffset? RegisteredFrom = null,
    DateTimeOffset? RegisteredTo = null,
    IReadOnlyList<string>? Regions = null,
    IReadOnlyList<string>? Languages = null,
    DateTimeOffset? LastContactBefore = null,
    DateTimeOffset? LastContactAfter = null);
