using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.People;

/// <summary>
/// Who is calling from this number (F9): people whose own number it is first, then the patients they care for
/// (a caregiver's number finds the patient too); on each side the most recently in contact first, then by name and id.
/// The one rule that turns a phone number into people: the screen pop, the lookup API and the linking of calls and
/// logged contacts to a person (<see cref="FindContactPersonAsync"/>) all use it. One database round trip: the owners and the patients they care
/// for come back from one UNION ALL, each side served by indexes (docs/benchmarks.md has the plans).
/// </summary>
public sealed class LookupCallers(CareDeskDbContext db)
{
    public const string Self = "self";
    public const string Caregiver = "caregiver";

    // Most owners, and most patients reached through them, one lookup returns.
    private const int MaxPerSide = 20;

    // Compiled once: the screen pop and the lookup API run this thousands of times a minute, and a compiled query
    // skips EF's expression-tree cache lookup and parameter extraction on every call.
    // Each side is ordered before it is cut to MaxPerSide, so a widely shared number (a clinic's switchboard) always
    // shows the same people: the most recently in contact first, then by name, then by id.
    private static readonly Func<CareDeskDbContext, string, string?, IAsyncEnumerable<Row>> Query =
        EF.CompileAsyncQuery((CareDeskDbContext db, string e164, string? onlyAssignedTo) =>
            db.People
                .Where(p => db.ContactPoints
                        .Where(c => c.Kind == ContactPointKind.Phone && c.Value == e164)
                        .Select(c => c.PersonId)
                        .Contains(p.Id)
                    && (onlyAssignedTo == null || p.AssignedFieldRepId == onlyAssignedTo))
                .Select(p => new { p, LastContactAt = db.Contacts.Where(c => c.PersonId == p.Id).Max(c => (DateTimeOffset?)c.StartedAt) })
                .OrderBy(x => x.LastContactAt == null)
                .ThenByDescending(x => x.LastContactAt)
                .ThenBy(x => x.p.DisplayName)
                .ThenBy(x => x.p.Id)
                .Select(x => new Row { PersonId = x.p.Id, Name = x.p.DisplayName, ViaPersonId = x.p.Id, IsOwner = true, LastContactAt = x.LastContactAt })
                .Take(MaxPerSide)
                .Concat(db.Relationships
                    .Where(r => db.ContactPoints
                            .Where(c => c.Kind == ContactPointKind.Phone && c.Value == e164)
                            .Select(c => c.PersonId)
                            .Contains(r.FromPersonId)
                        && (r.Kind == RelationshipKind.CaregiverOf || r.Kind == RelationshipKind.ParentOf))
                    .Join(db.People, r => r.FromPersonId, owner => owner.Id, (r, owner) => new { r, owner })
                    .Where(x => onlyAssignedTo == null || x.owner.AssignedFieldRepId == onlyAssignedTo)
                    .Join(db.People, x => x.r.ToPersonId, p => p.Id, (x, p) => new { x.r, p })
                    .Where(x => onlyAssignedTo == null || x.p.AssignedFieldRepId == onlyAssignedTo)
                    .Select(x => new { x.r, x.p, LastContactAt = db.Contacts.Where(c => c.PersonId == x.p.Id).Max(c => (DateTimeOffset?)c.StartedAt) })
                    .OrderBy(x => x.LastContactAt == null)
                    .ThenByDescending(x => x.LastContactAt)
                    .ThenBy(x => x.p.DisplayName)
                    .ThenBy(x => x.p.Id)
                    .ThenBy(x => x.r.FromPersonId)
                    .Select(x => new Row { PersonId = x.p.Id, Name = x.p.DisplayName, ViaPersonId = x.r.FromPersonId, IsOwner = false, LastContactAt = x.LastContactAt })
                    .Take(MaxPerSide)));

    public sealed record Match(Guid PersonId, string Name, string MatchedVia, Guid? ViaPersonId);

    /// <param name="onlyAssignedTo">A field rep's user id: only the people assigned to them are returned.</param>
    public async Task<IReadOnlyList<Match>> RunAsync(string e164, CancellationToken cancellationToken, string? onlyAssignedTo = null)
    {
        var owners = new List<Row>(2);
        var caredFor = new List<Row>(2);
        await foreach (var row in Query(db, e164, onlyAssignedTo).WithCancellation(cancellationToken))
        {
            (row.IsOwner ? owners : caredFor).Add(row);
        }

        if (owners.Count == 0)
        {
            return [];
        }

        var matches = new List<Match>(owners.Count + caredFor.Count);
        owners.Sort(ByRecency);
        foreach (var owner in owners)
        {
            matches.Add(new Match(owner.PersonId, owner.Name, Self, null));
        }

        caredFor.Sort(ByRecency);
        foreach (var patient in caredFor)
        {
            // Someone who answers on their own number is not listed again as reached through a caregiver.
            if (!owners.Exists(o => o.PersonId == patient.PersonId))
            {
                matches.Add(new Match(patient.PersonId, patient.Name, Caregiver, patient.ViaPersonId));
            }
        }

        return matches;
    }

    /// <summary>
    /// The person a contact with this number is linked to (a call from it, a contact logged with it): the one person
    /// whose own number it is. The patients reached through them are not linked; they are on the screen pop beside
    /// the caller. A number several people own (a family landline) links no one rather than the wrong one.
    /// </summary>
    public async Task<Guid?> FindContactPersonAsync(string e164, CancellationToken cancellationToken, string? onlyAssignedTo = null) =>
        ContactPerson(await RunAsync(e164, cancellationToken, onlyAssignedTo));

    /// <summary>
    /// Whether a call from <paramref name="callerId"/> may concern <paramref name="personId"/>: the caller is the person,
    /// or reaches them by a stored relationship the way a caregiver's number finds the patient (caregiver of, parent of).
    /// A case for the patient may then link the caregiver's call (王丽 calls about her father).
    /// </summary>
    public async Task<bool> ReachesAsync(Guid callerId, Guid personId, CancellationToken cancellationToken) =>
        callerId == personId
        || await db.Relationships.AnyAsync(
            r => r.FromPersonId == callerId && r.ToPersonId == personId
                && (r.Kind == RelationshipKind.CaregiverOf || r.Kind == RelationshipKind.ParentOf),
            cancellationToken);

    /// <summary>The one owner among <paramref name="matches"/>, or null when there is none or more than one.</summary>
    public static Guid? ContactPerson(IReadOnlyList<Match> matches)
    {
        Guid? owner = null;
        foreach (var match in matches)
        {
            if (match.MatchedVia != Self)
            {
                continue;
            }

            if (owner is not null)
            {
                return null;
            }

            owner = match.PersonId;
        }

        return owner;
    }

    // Most recently in contact first (a person never in contact last), then by name, then by id: the same order every time.
    private static int ByRecency(Row a, Row b)
    {
        if (a.LastContactAt != b.LastContactAt)
        {
            return (a.LastContactAt, b.LastContactAt) switch
            {
                (null, _) => 1,
                (_, null) => -1,
                var (x, y) => y.Value.CompareTo(x.Value),
            };
        }

        var byName = string.CompareOrdinal(a.Name, b.Name);
        if (byName != 0)
        {
            return byName;
        }

        var byId = a.PersonId.CompareTo(b.PersonId);
        return byId != 0 ? byId : a.ViaPersonId.CompareTo(b.ViaPersonId);
    }

    // A class with settable members, not a positional record: EF translates a set operation over member-init
    // projections. No NULL column on the owners' side (PostgreSQL would type it text and refuse the UNION with
    // uuid): an owner carries their own id there and a flag says which side the row comes from.
    private sealed class Row
    {
        public Guid PersonId { get; init; }

        public required string Name { get; init; }

        public Guid ViaPersonId { get; init; }

        public bool IsOwner { get; init; }

        public DateTimeOffset? LastContactAt { get; init; }
    }
}
