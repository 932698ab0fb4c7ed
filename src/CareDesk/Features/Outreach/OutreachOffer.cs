namespace CareDesk.Features.Outreach;

/// <summary>
/// The next contact handed to an agent: the attempt (their claim on the person), who, which campaign, the number to
/// dial, on what basis (consent, legal obligation) and until when the claim is theirs without a dial or an outcome.
/// </summary>
public sealed record OutreachOffer(
    Guid AttemptId,
    Guid PersonId,
    Guid CampaignId,
    string? Number,
    string CampaignName,
    string Purpose,
    string Channel,
    string Basis,
    Guid? QuestionnaireId,
    int Attempt,
    DateTimeOffset ExpiresAt);
