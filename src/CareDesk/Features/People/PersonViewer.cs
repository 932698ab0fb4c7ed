using System.Security.Claims;
using CareDesk.Platform.Identity;

namespace CareDesk.Features.People;

/// <summary>
/// Who is looking at people and what they may see (F31): a field rep only the people assigned to them, an
/// outsourced agent personal data masked (when <see cref="PeopleOptions.MaskForOutsourcedAgents"/> is on).
/// A role with wider access (agent, expert, supervisor...) lifts the restriction.
/// </summary>
public sealed record PersonViewer(string UserId, bool OnlyAssigned, bool Masked)
{
    private static readonly string[] Unrestricted = [Roles.Admin, Roles.Supervisor, Roles.Agent, Roles.Expert, Roles.Quality];

    public static PersonViewer From(ClaimsPrincipal user, PeopleOptions options)
    {
        // A loop, not Any(user.IsInRole): no delegate allocated on every lookup and search.
        var wide = false;
        foreach (var role in Unrestricted)
        {
            if (user.IsInRole(role))
            {
                wide = true;
                break;
            }
        }

        return new PersonViewer(
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            OnlyAssigned: !wide && !user.IsInRole(Roles.OutsourcedAgent) && user.IsInRole(Roles.FieldRep),
            Masked: options.MaskForOutsourcedAgents && !wide && user.IsInRole(Roles.OutsourcedAgent));
    }

    public bool MaySee(string? assignedFieldRepId) =>
        !OnlyAssigned || string.Equals(assignedFieldRepId, UserId, StringComparison.Ordinal);
}

/// <summary>How personal data looks to a viewer who must not see it whole.</summary>
public static class Masking
{
    public const string Hidden = "***";

    /// <summary>+8613812345678 → +86138****5678: the middle digits go, the ends stay to match what the caller says.</summary>
    public static string Phone(string value)
    {
        if (value.Length <= 6)
        {
            return Hidden;
        }

        var keepStart = Math.Min(6, value.Length - 4);
        return string.Concat(value.AsSpan(0, keepStart), new string('*', value.Length - keepStart - 4), value.AsSpan(value.Length - 4));
    }

    /// <summary>wang.jianguo@example.com → w***@example.com.</summary>
    public static string Email(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? Hidden : string.Concat(value.AsSpan(0, 1), Hidden, value.AsSpan(at));
    }

    public static string? Text(string? value) => value is null ? null : Hidden;
}
