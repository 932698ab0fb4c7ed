namespace CareDesk.Features.ServiceLevels;

/// <summary>
/// Targets for a case type, a priority, or both; null matches any. Types and priorities are the words of the
/// cases API (<c>technical-support</c>, <c>urgent</c>).
/// </summary>
public sealed record ServiceLevelRule(string? CaseType, string? Priority, ServiceLevelTargets Targets);
