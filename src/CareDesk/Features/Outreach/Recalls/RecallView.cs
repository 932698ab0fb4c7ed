namespace CareDesk.Features.Outreach;

public sealed record RecallView(
    Guid Id,
    string Name,
    string SummaryZh,
    string SummaryEn,
    string Depth,
    int? CheckPercent,
    IReadOnlyList<string> ModelIds,
    IReadOnlyList<SerialRange> SerialRanges,
    IReadOnlyList<string> Lots,
    IReadOnlyList<Guid> ComplaintIds,
    IReadOnlyList<Guid> CaseIds,
    Guid CampaignId,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt)
{
    public static RecallView Of(Recall recall) => new(
        recall.Id, recall.Name, recall.SummaryZh, recall.SummaryEn, recall.Depth.ToString(), recall.CheckPercent, recall.ModelIds,
        recall.SerialRanges, recall.Lots, recall.ComplaintIds, recall.CaseIds, recall.CampaignId, OutreachTerms.Of(recall.Status),
        recall.CreatedAt, recall.StartedAt);
}
