using CareDesk.Features.Contacts;
using CareDesk.Features.People;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Telephony;

/// <summary>
/// What the agent sees before saying hello (F9, stories 5 and 7): for each person the number finds (own number
/// first, then the patients reached through a caregiver), name, accessibility needs, whom they care for, devices
/// with warranty state and the last contacts before this call. A handful of indexed queries for at most a few people.
/// </summary>
public sealed class CallerCards(CareDeskDbContext db, LookupCallers lookup, PersonReads reads, TimeProvider time)
{
    private const int MaxCards = 5;
    private const int LastContacts = 3;

    public sealed record Card(
        Guid PersonId,
        string Name,
        PersonKind Kind,
        string MatchedVia,
        string? ViaName,
        AccessibilityNeeds Accessibility,
        IReadOnlyList<string> CaresFor,
        IReadOnlyList<DeviceLine> Devices,
        IReadOnlyList<ContactLine> LastContacts);

    public sealed record DeviceLine(string ModelEn, string? ModelZh, string? Serial, DateOnly? WarrantyEnd, bool? InWarranty);

    public sealed record ContactLine(DateTimeOffset StartedAt, ContactChannel Channel, ContactDirection Direction, bool Missed, bool Answered);

    /// <param name="liveContactId">The call that is ringing now: shown apart with its live state, never among the past contacts.</param>
    public async Task<IReadOnlyList<Card>> RunAsync(string e164, Guid? liveContactId, CancellationToken cancellationToken)
    {
        var matches = (await lookup.RunAsync(e164, cancellationToken)).Take(MaxCards).ToList();
        if (matches.Count == 0)
        {
            return [];
        }

        var ids = matches.Select(m => m.PersonId).ToList();
        var people = await db.People.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Kind, p.Accessibility })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var caresFor = await db.Relationships.AsNoTracking()
            .Where(r => ids.Contains(r.FromPersonId) && (r.Kind == RelationshipKind.CaregiverOf || r.Kind == RelationshipKind.ParentOf))
            .Join(db.People, r => r.ToPersonId, p => p.Id, (r, p) => new { r.FromPersonId, p.DisplayName })
            .ToListAsync(cancellationToken);
        var devices = await db.Devices.AsNoTracking()
            .Where(d => ids.Contains(d.PersonId) && d.Status == Devices.DeviceStatus.InUse)
            .GroupJoin(db.ProductModels, d => d.ModelId, m => m.Id, (d, models) => new { d, models })
            .SelectMany(x => x.models.DefaultIfEmpty(), (x, m) => new
            {
                x.d.PersonId,
                x.d.ModelId,
                NameEn = m != null ? m.NameEn : null,
                NameZh = m != null ? m.NameZh : null,
                x.d.SerialNumber,
                x.d.WarrantyEnd,
            })
            .ToListAsync(cancellationToken);
        var contacts = new Dictionary<Guid, List<ContactLine>>();
        foreach (var id in ids)
        {
            contacts[id] = await db.Contacts.AsNoTracking()
                .Where(c => c.PersonId == id && c.Id != liveContactId)
                .OrderByDescending(c => c.StartedAt)
                .Take(LastContacts)
                .Select(c => new ContactLine(c.StartedAt, c.Channel, c.Direction, c.Missed, c.AnsweredAt != null))
                .ToListAsync(cancellationToken);
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var names = matches.ToDictionary(m => m.PersonId, m => m.Name);
        var cards = matches.Where(m => people.ContainsKey(m.PersonId)).Select(m => new Card(
            m.PersonId,
            m.Name,
            people[m.PersonId].Kind,
            m.MatchedVia,
            m.ViaPersonId is { } via ? names.GetValueOrDefault(via) : null,
            people[m.PersonId].Accessibility,
            [.. caresFor.Where(c => c.FromPersonId == m.PersonId).Select(c => c.DisplayName).Order(StringComparer.Ordinal)],
            [.. devices.Where(d => d.PersonId == m.PersonId).Select(d => new DeviceLine(
                d.NameEn ?? d.ModelId,
                d.NameZh,
                d.SerialNumber,
                d.WarrantyEnd,
                d.WarrantyEnd is { } end ? end >= today : null))],
            contacts[m.PersonId])).ToList();
        return cards;
    }

    /// <summary>Each shown card is a read of that person's record (F32); recorded once the cards are on screen.</summary>
    public async Task RecordReadsAsync(IEnumerable<Guid> personIds, CancellationToken cancellationToken)
    {
        await reads.RecordAsync(personIds, "screen pop", cancellationToken);
    }
}
