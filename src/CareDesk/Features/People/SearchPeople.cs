using CareDesk.Features.People.Search;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.People;

/// <summary>
/// One search box (F1): an e-mail, a phone number in any format (then its owners and the patients they care for),
/// the last digits of a phone with a name ("5678 王", "王 5678"), a device serial, any four or more digits of a number
/// ("5678", "1234 5678"), or any part of a name in any case or its pinyin ("mary", "Smith", "wangli", "Wang Li").
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
        // A person merged into another is found as the survivor, never as itself (Merging/MergePeople).
        var people = db.People.AsNoTracking().Where(p => p.MergedIntoId == null && (assignedTo == null || p.AssignedFieldRepId == assignedTo));
        var found = new List<(Guid Id, string MatchedBy, Guid? Via)>();

        var phone = q.Contains('@', StringComparison.Ordinal) ? null : parser.TryParse(q);
        IReadOnlyList<LookupCallers.Match> callers = phone is null ? [] : await lookup.RunAsync(phone.E164, cancellationToken, assignedTo);
        if (q.Contains('@', StringComparison.Ordinal))
        {
            var email = q.ToLowerInvariant();
            found.AddRange((await db.ContactPoints.AsNoTracking()
                    .Where(c => c.Kind == ContactPointKind.Email && c.Value == email)
                    .Select(c => c.PersonId).Distinct().Take(limit).ToListAsync(cancellationToken))
                .Select(id => (id, "email", (Guid?)null)));
        }
        else if (callers.Count > 0)
        {
            found.AddRange(callers.Select(m => (m.PersonId, m.MatchedVia == LookupCallers.Self ? "phone" : "caregiver", m.ViaPersonId)));
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
            // Serial numbers and names (or digits) cannot be told apart; the serial is one indexed equality.
            found.AddRange((await db.Devices.AsNoTracking()
                    .Where(d => d.SerialNumber == q)
                    .Select(d => d.PersonId).Distinct().Take(limit).ToListAsync(cancellationToken))
                .Select(id => (id, "serial", (Guid?)null)));
            if (SearchTerms.PhoneDigits(q) is { } digits)
            {
                // Part of a number ("5678", "1234 5678", "0013 8000"); fewer than four digits would match everyone.
                if (digits.Length >= SearchTerms.MinDigits)
                {
                    found.AddRange((await ByTermAsync(digits, assignedTo, limit, cancellationToken)).Select(id => (id, "phone-part", (Guid?)null)));
                }
            }
            else
            {
                // Names starting with the query as typed come first: a range on the indexed name, which a B-tree
                // serves on both databases whatever the collation.
                var upper = q + '\uFFFF';
                found.AddRange((await people
                        .Where(p => p.DisplayName.CompareTo(q) >= 0 && p.DisplayName.CompareTo(upper) < 0)
                        .OrderBy(p => p.DisplayName)
                        .Select(p => p.Id).Take(limit).ToListAsync(cancellationToken))
                    .Select(id => (id, "name", (Guid?)null)));
                // Then any part of a name in any case, or its pinyin ("smith", "mary", "wangli", "jianguo").
                if (found.Count < limit && SearchTerms.Compact(q) is { Length: > 0 } compact)
                {
                    found.AddRange((await ByTermAsync(compact, assignedTo, limit, cancellationToken)).Select(id => (id, "name", (Guid?)null)));
                }
            }
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
                return new Hit(f.Id, row.DisplayName, KebabCase.Of(row.Kind), f.MatchedBy, f.Via,
                    number is null ? null : viewer.Masked ? Masking.Phone(number) : number);
            })];
        await reads.RecordAsync(hits.Select(h => h.PersonId), "search", cancellationToken);
        return hits;
    }

    /// <summary>
    /// People with a search term starting with <paramref name="term"/> (docs/adr/0003-people-search-terms.md): a range of
    /// the (Term, PersonId) index, read in order and cut early. A person can hold several terms of one prefix (two phones
    /// ending alike, a name of two readings), so four times the limit are read and made distinct here.
    /// </summary>
    private async Task<List<Guid>> ByTermAsync(string term, string? assignedTo, int limit, CancellationToken cancellationToken)
    {
        var upper = term + '\uFFFF';
        var terms = db.Set<PersonSearchTerm>().Where(t => t.Term.CompareTo(term) >= 0 && t.Term.CompareTo(upper) < 0);
        // A field rep's few people: a join the planner may start from their people (the rep's index), then each one's
        // terms by the key, instead of walking a common prefix's range for the few that are theirs.
        var ids = assignedTo is null
            ? terms.OrderBy(t => t.Term).ThenBy(t => t.PersonId).Select(t => t.PersonId)
            : db.People.Where(p => p.AssignedFieldRepId == assignedTo).Join(terms, p => p.Id, t => t.PersonId, (p, t) => t.PersonId);
        return [.. (await ids.Take(limit * 4).ToListAsync(cancellationToken)).Distinct().Take(limit)];
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
        // "1234 5678" is part of a number, not an ending and a name.
        static bool IsName(string[] rest) => rest.Any(part => part.Any(char.IsLetter));
        if (IsDigits(parts[0]) && IsName(parts[1..]))
        {
            return (parts[0], string.Join(' ', parts[1..]));
        }

        if (IsDigits(parts[^1]) && IsName(parts[..^1]))
        {
            return (parts[^1], string.Join(' ', parts[..^1]));
        }

        return null;
    }
}
