using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.People;

/// <summary>
/// Who is calling from this number (F9): people whose own number it is first, then the patients they care for
/// (a caregiver's number finds the patient too). One indexed lookup plus one for the relationships.
/// </summary>
public sealed class LookupCallers(CareDeskDbContext db)
{
    public const string Self = "self";
    public const string Caregiver = "caregiver";

    public sealed record Match(Guid PersonId, string Name, string MatchedVia, Guid? ViaPersonId);

    /// <param name="onlyAssignedTo">A field rep's user id: only the people assigned to them are returned.</param>
    public async Task<IReadOnlyList<Match>> RunAsync(string e164, CancellationToken cancellationToken, string? onlyAssignedTo = null)
    {
        var owners = await db.ContactPoints.AsNoTracking()
            .Where(c => c.Kind == ContactPointKind.Phone && c.Value == e164)
            .Join(db.People, c => c.PersonId, p => p.Id, (c, p) => p)
            .Where(p => onlyAssignedTo == null || p.AssignedFieldRepId == onlyAssignedTo)
            .Select(p => new { p.Id, p.DisplayName })
            .Distinct()
            .Take(20)
            .ToListAsync(cancellationToken);
        if (owners.Count == 0)
        {
            return [];
        }

        var ownerIds = owners.Select(o => o.Id).ToList();
        var caredFor = await db.Relationships.AsNoTracking()
            .Where(r => ownerIds.Contains(r.FromPersonId)
                && (r.Kind == RelationshipKind.CaregiverOf || r.Kind == RelationshipKind.ParentOf))
            .Join(db.People, r => r.ToPersonId, p => p.Id, (r, p) => new { p.Id, p.DisplayName, p.AssignedFieldRepId, Via = r.FromPersonId })
            .Where(x => onlyAssignedTo == null || x.AssignedFieldRepId == onlyAssignedTo)
            .Take(20)
            .ToListAsync(cancellationToken);

        var matches = owners.OrderBy(o => o.DisplayName, StringComparer.Ordinal)
            .Select(o => new Match(o.Id, o.DisplayName, Self, null))
            .ToList();
        matches.AddRange(caredFor
            .Where(c => !ownerIds.Contains(c.Id))
            .OrderBy(c => c.DisplayName, StringComparer.Ordinal)
            .Select(c => new Match(c.Id, c.DisplayName, Caregiver, c.Via)));
        return matches;
    }
}
