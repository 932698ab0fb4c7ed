namespace CareDesk.Features.NothingLost;

/// <summary>A condition the detector found now: <see cref="Subject"/> names it within its rule.</summary>
public sealed record Detected(string Subject, Guid? CaseId, string? UserId, string? Detail);
