using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.People;

/// <summary>
/// One search box (F1): an e-mail, a phone number in any format (then its owners and the patients they care for),
/// the last digits of a phone with a name ("5678 王", "王 5678"), a device serial, or the start of a name.
/// Every branch is an equality or a range on an indexed column, so it stays fast at millions of people;
/// results are capped at <see cref="PeopleOptions.SearchLimit"/>.
/// </summary>
public sealed class SearchPeople(CareDeskDbContext db, PhoneNumberParser parser, LookupCallers lookup, PersonReads reads, IOptions<PeopleOptions> options)
{
    // See the last-digits branch: 10 × the ~200 phones per ending at 1 M people.
    private const int LastDigitsCandidates = 2_000;

    public sealed record Hit(Guid PersonId, string Name, string Kind, string MatchedBy, Guid? ViaPersonId, string? Phone);

    public async Task<IReadOnlyList<Hit>> RunAsync(string? query, PersonViewer viewer, CancellationToken cancellationToken)
    {
        var q = query?.Trim() ?? "";
        if (q.Length == 0 || q.Length > 200)
        {
            return [];
        }

        var limit = options.Value.SearchLimit;
        var assignedTo = viewer.OnlyAssigned ? viewer.UserId : null;
        var people = db.People.AsNoTracking().Where(p => assignedTo == null || p.AssignedFieldRepId == assignedTo);
        var found = new List<(Guid Id, string MatchedBy, Guid? Via)>();

        if (q.Contains('@', StringComparison.Ordinal))
        {
            var email = q.ToLowerInvariant();
            found.AddRange((await db.ContactPoints.AsNoTracking()
                    .Where(c => c.Kind == ContactPointKind.Email && c.Value == email)
                    .Select(c => c.PersonId).Distinct().Take(limit).ToListAsync(cancellationToken))
                .Select(id => (id, "email", (Guid?)null)));
        }
        else if (parser.TryParse(q) is { } phone)
        {
            found.AddRange((await lookup.RunAsync(phone.E164, cancellationToken, assignedTo))
                .Select(m => (m.PersonId, m.MatchedVia == LookupCallers.Self ? "phone" : "caregiver", m.ViaPersonId)));
        }
        else if (LastDigitsAndName(q) is { } partial)
        {
            var name = partial.Name;
            // Four digits are 10,000 endings: at 1 M people (2 M phones) ~200 phones share one, each then checked by
            // name through the primary key. The cap keeps the work bounded however many people there are; it bites
            // only past 2,000 phones per ending (~20 M phones), where some owners would go unchecked: the whole
            // number or the name alone still finds them.
            var owners = db.ContactPoints
                .Where(c => c.LastDigits == partial.Digits && c.Kind == ContactPointKind.Phone)
                .Select(c => c.PersonId)
                .Take(LastDigitsCandidates);
            found.AddRange((await people
                    .Where(p => owners.Contains(p.Id) && p.DisplayName.Contains(name))
                    .Select(p => p.Id).Take(limit).ToListAsync(cancellationToken))
                .Select(id => (id, "last-digits", (Guid?)null)));
        }
        else
        {
            // Serial numbers and names cannot be told apart; both are cheap indexed look-ups.
            found.AddRange((await db.Devices.AsNoTracking()
                    .Where(d => d.SerialNumber == q)
                    .Select(d => d.PersonId).Distinct().Take(limit).ToListAsync(cancellationToken))
                .Select(id => (id, "serial", (Guid?)null)));
            // A range on the indexed name instead of LIKE: a B-tree serves it on both databases whatever the collation.
            var upper = q + '\uFFFF';
            found.AddRange((await people
                    .Where(p => p.DisplayName.CompareTo(q) >= 0 && p.DisplayName.CompareTo(upper) < 0)
                    .OrderBy(p => p.DisplayName)
                    .Select(p => p.Id).Take(limit).ToListAsync(cancellationToken))
                .Select(id => (id, "name", (Guid?)null)));
        }

        var ids = found.Select(f => f.Id).Distinct().Take(limit).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        // Names, kinds and each one's first phone (the primary if there is one) in one round trip.
        var rows = await people.Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                p.DisplayName,
                p.Kind,
                Phone = db.ContactPoints
                    .Where(c => c.PersonId == p.Id && c.Kind == ContactPointKind.Phone)
                    .OrderByDescending(c => c.IsPrimary)
                    .Select(c => c.Value)
                    .FirstOrDefault(),
            })
            .ToDictionaryAsync(p => p.Id, cancellationToken);

        Hit[] hits = [.. found
            .DistinctBy(f => f.Id)
            .Where(f => rows.ContainsKey(f.Id))
            .Take(limit)
            .Select(f =>
            {
                var row = rows[f.Id];
                var number = row.Phone;
                return new Hit(f.Id, row.DisplayName, PeopleNames.Of(row.Kind), f.MatchedBy, f.Via,
                    number is null ? null : viewer.Masked ? Masking.Phone(number) : number);
            })];
        await reads.RecordAsync(hits.Select(h => h.PersonId), "search", cancellationToken);
        return hits;
    }

    /// <summary>"5678 王" or "王 5678": four digits and a name, in either order.</summary>
    internal static (string Digits, string Name)? LastDigitsAndName(string query)
    {
        var parts = query.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2)
        {
            return null;
        }

        static bool IsDigits(string part) => part.Length == 4 && part.All(char.IsAsciiDigit);
        if (IsDigits(parts[0]))
        {
            return (parts[0], string.Join(' ', parts[1..]));
        }

        if (IsDigits(parts[^1]))
        {
            return (parts[^1], string.Join(' ', parts[..^1]));
        }

        return null;
    }
}
