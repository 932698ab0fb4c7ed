using Microsoft.Extensions.Localization;

namespace CareDesk.Features.Outreach.Pages;

/// <summary>
/// A follow-up rule's name as shown. The case-promise rule is made by CareDesk itself on the first promise, named in
/// that agent's language: every reader sees it in their own. Rules a supervisor made keep the name they were given.
/// </summary>
public static class RuleNames
{
    public static string Shown(IStringLocalizer<OutreachText> text, string name, string? trigger) =>
        trigger == "case-promise" ? text["FollowUp.PromiseRuleName"] : name;
}
