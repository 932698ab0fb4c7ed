namespace CareDesk.Features.Outreach;

/// <summary>A live push to an agent: the contact they hold was withdrawn (do not contact, consent withdrawn): do not dial.</summary>
public sealed record OutreachWithdrawn(Guid AttemptId, Guid PersonId, string AgentUserId);
