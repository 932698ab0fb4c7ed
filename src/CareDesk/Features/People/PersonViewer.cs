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
