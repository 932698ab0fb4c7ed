using CareDesk.Platform.Api;

namespace CareDesk.Features.Outreach;

/// <summary>The guard's answer over the API: allowed, or the rule that refuses (kebab-case) and until when; the basis of an allowed contact.</summary>
public sealed record GuardAnswer(bool Allowed, string? Rule, DateTimeOffset? Until, string Basis)
{
    public static GuardAnswer Of(GuardDecision decision) =>
        new(decision.Allowed, decision.Rule is { } rule ? KebabCase.Of(rule) : null, decision.Until, decision.Basis);
}
