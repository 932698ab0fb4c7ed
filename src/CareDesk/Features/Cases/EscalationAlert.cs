namespace CareDesk.Features.Cases;

/// <summary>What an expert (or a supervisor) is told about an escalation, live and through the pager.</summary>
/// <param name="Kind"><c>alert</c>: acknowledge by <paramref name="AcknowledgeBy"/>; <c>supervisor</c>: an expert did not answer or nobody is on call;
/// <c>callback-warning</c>: the recipient's promised callback is due by <paramref name="AcknowledgeBy"/> (its warning share has passed);
/// <c>callback-overdue</c>: the callback <paramref name="ExpertName"/> promised by <paramref name="AcknowledgeBy"/> was not made.</param>
/// <param name="RedFlags">The clinical red flags that made it an urgent medical escalation (wire names); null or empty otherwise.</param>
public sealed record EscalationAlert(
    string Kind, Guid EscalationId, Guid CaseId, string CaseNumber, string Subject, string? ExpertName, int Level, DateTimeOffset? AcknowledgeBy,
    IReadOnlyList<string>? RedFlags = null);
