namespace CareDesk.Features.Outreach;

/// <summary>An attempt as the API shows it.</summary>
public sealed record OutreachAttemptView(Guid Id, Guid CampaignId, Guid PersonId, string AgentUserId, string? Number, DateTimeOffset ClaimedAt, DateTimeOffset? DialedAt, string? Outcome, DateTimeOffset? ClosedAt, Guid? ContactId)
{
    public static OutreachAttemptView Of(OutreachAttempt a) =>
        new(a.Id, a.CampaignId, a.PersonId, a.AgentUserId, a.Number, a.ClaimedAt, a.DialedAt, a.Outcome is { } o ? OutreachTerms.Of(o) : null, a.ClosedAt, a.ContactId);
}
