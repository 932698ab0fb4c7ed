using CareDesk.Platform.Api;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.People;

/// <summary>
/// The whole profile on one screen (F1): the person, contact points and addresses with their source and staleness
/// (F2), relationships read both ways, devices with warranty state and the last contacts. Every read is audited.
/// </summary>
public sealed class GetPersonProfile(CareDeskDbContext db, PersonReads reads, TimeProvider time, IOptions<PeopleOptions> options)
{
    public const int LastContacts = 10;

    public sealed record Fact(string Source, DateTimeOffset RecordedAt, DateTimeOffset? VerifiedAt, string? VerifiedBy, bool Stale);

    public sealed record Phone(Guid Id, string Number, string Type, string? Raw, bool Primary, Fact Provenance);

    public sealed record Email(Guid Id, string Address, Fact Provenance);

    public sealed record MessagingId(Guid Id, string Platform, string Value, Fact Provenance);

    public sealed record AddressView(
        Guid Id, string Type, string? Line1, string? Line2, string? City, string? Region, string? PostalCode, string Country,
        double? Latitude, double? Longitude, Fact Provenance);

    /// <summary><paramref name="Direction"/> reads from this person: "caregiver-of" or, from the other end, "cared-for-by".</summary>
    public sealed record RelationshipView(Guid Id, string Direction, string Kind, Guid PersonId, string PersonName, Fact Provenance);

    public sealed record DeviceView(
        Guid Id, string ModelId, string ModelName, string? ModelNameZh, string? SerialNumber, string? LotNumber, DateOnly? PurchaseDate,
        DateOnly? WarrantyEnd, string Warranty, string Status, Fact Provenance);

    public sealed record ContactView(
        Guid Id, string Channel, string Direction, DateTimeOffset StartedAt, DateTimeOffset? AnsweredAt, DateTimeOffset? EndedAt,
        bool Missed, string? Outcome, string? Notes);

    public sealed record AccessibilityView(bool HardOfHearing, bool LowVision, bool NeedsVideo, bool NeedsCaregiverPresent, string? Notes);

    public sealed record Profile(
        Guid Id,
        string Name,
        string? FamilyName,
        string? GivenName,
        string Kind,
        DateOnly? DateOfBirth,
        string Sex,
        IReadOnlyList<string> Languages,
        string? TimeZone,
        AccessibilityView Accessibility,
        string? PreferredChannel,
        string? PreferredHours,
        string? AssignedFieldRepId,
        string? Notes,
        IReadOnlyList<Phone> Phones,
        IReadOnlyList<Email> Emails,
        IReadOnlyList<MessagingId> Messaging,
        IReadOnlyList<AddressView> Addresses,
        IReadOnlyList<RelationshipView> Relationships,
        IReadOnlyList<DeviceView> Devices,
        IReadOnlyList<ContactView> Contacts,
        bool Masked,
        string Version,
        Guid? MergedIntoId = null);

    public async Task<Result<Profile>> RunAsync(Guid id, PersonViewer viewer, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking()
            .Include(p => p.ContactPoints)
            .Include(p => p.Addresses)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return Failure.NotFound("Person.NotFound");
        }

        if (!viewer.MaySee(person.AssignedFieldRepId))
        {
            await reads.RecordDeniedAsync(AuditSubject.EntityType, id.ToString(), id, "profile", cancellationToken);
            return new Failure(FailureKind.Forbidden, "Person.Forbidden");
        }

        await reads.RecordAsync([id], "profile", cancellationToken);
        return await BuildAsync(person, viewer, cancellationToken);
    }

    /// <summary>The profile of a person already loaded with contact points and addresses, without auditing a read.</summary>
    internal async Task<Profile> BuildAsync(Person person, PersonViewer viewer, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var maxAge = options.Value.StaleFactAge;
        Fact FactOf(FactProvenance p) => new(KebabCase.Of(p.Source), p.RecordedAt, p.VerifiedAt, p.VerifiedBy, p.IsStale(now, maxAge));
        var masked = viewer.Masked;

        var outgoing = await db.Relationships.AsNoTracking()
            .Where(r => r.FromPersonId == person.Id)
            .Join(db.People, r => r.ToPersonId, p => p.Id, (r, p) => new { r, p.DisplayName })
            .ToListAsync(cancellationToken);
        var incoming = await db.Relationships.AsNoTracking()
            .Where(r => r.ToPersonId == person.Id)
            .Join(db.People, r => r.FromPersonId, p => p.Id, (r, p) => new { r, p.DisplayName })
            .ToListAsync(cancellationToken);
        var relationships = outgoing
            .Select(x => new RelationshipView(x.r.Id, KebabCase.Of(x.r.Kind), KebabCase.Of(x.r.Kind), x.r.ToPersonId, x.DisplayName, FactOf(x.r.Provenance)))
            .Concat(incoming.Select(x => new RelationshipView(
                x.r.Id, PeopleNames.Inverse(x.r.Kind), KebabCase.Of(x.r.Kind), x.r.FromPersonId, x.DisplayName, FactOf(x.r.Provenance))))
            .ToList();

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var devices = (await db.Devices.AsNoTracking()
                .Where(d => d.PersonId == person.Id)
                .Join(db.ProductModels, d => d.ModelId, m => m.Id, (d, m) => new { d, m.NameEn, m.NameZh })
                .ToListAsync(cancellationToken))
            .OrderByDescending(x => x.d.PurchaseDate)
            .Select(x => new DeviceView(
                x.d.Id, x.d.ModelId, x.NameEn, x.NameZh, x.d.SerialNumber, x.d.LotNumber, x.d.PurchaseDate, x.d.WarrantyEnd,
                WarrantyState(x.d.WarrantyEnd, today), KebabCase.Of(x.d.Status), FactOf(x.d.Provenance)))
            .ToList();

        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => c.PersonId == person.Id)
            .OrderByDescending(c => c.StartedAt)
            .Take(LastContacts)
            .ToListAsync(cancellationToken);

        var points = person.ContactPoints.OrderByDescending(c => c.IsPrimary).ThenBy(c => c.Provenance.RecordedAt).ToList();
        return new Profile(
            person.Id,
            person.DisplayName,
            person.FamilyName,
            person.GivenName,
            KebabCase.Of(person.Kind),
            masked ? null : person.DateOfBirth,
            KebabCase.Of(person.Sex),
            person.Languages,
            person.TimeZone,
            new AccessibilityView(
                person.Accessibility.HardOfHearing,
                person.Accessibility.LowVision,
                person.Accessibility.NeedsVideo,
                person.Accessibility.NeedsCaregiverPresent,
                person.Accessibility.Notes),
            person.PreferredChannel is { } channel ? KebabCase.Of(channel) : null,
            person.PreferredHours,
            person.AssignedFieldRepId,
            masked ? Masking.Text(person.Notes) : person.Notes,
            [.. points.Where(c => c.Kind == ContactPointKind.Phone)
                .Select(c => new Phone(c.Id, masked ? Masking.Phone(c.Value) : c.Value, c.Type, masked ? null : c.Raw, c.IsPrimary, FactOf(c.Provenance)))],
            [.. points.Where(c => c.Kind == ContactPointKind.Email)
                .Select(c => new Email(c.Id, masked ? Masking.Email(c.Value) : c.Value, FactOf(c.Provenance)))],
            [.. points.Where(c => c.Kind == ContactPointKind.Messaging)
                .Select(c => new MessagingId(c.Id, c.Type, masked ? Masking.Hidden : c.Value, FactOf(c.Provenance)))],
            [.. person.Addresses.OrderBy(a => a.Provenance.RecordedAt).Select(a => new AddressView(
                a.Id, a.Type,
                masked ? Masking.Text(a.Line1) : a.Line1,
                masked ? Masking.Text(a.Line2) : a.Line2,
                a.City, a.Region,
                masked ? Masking.Text(a.PostalCode) : a.PostalCode,
                a.Country,
                masked ? null : a.Latitude,
                masked ? null : a.Longitude,
                FactOf(a.Provenance)))],
            relationships,
            devices,
            [.. contacts.Select(c => new ContactView(
                c.Id, KebabCase.Of(c.Channel), KebabCase.Of(c.Direction), c.StartedAt, c.AnsweredAt, c.EndedAt, c.Missed, c.Outcome,
                masked ? Masking.Text(c.Notes) : c.Notes))],
            masked,
            person.Version.ToString(),
            person.MergedIntoId);
    }

    /// <summary>"in-warranty" through the last day, "expired" after it, "unknown" without a warranty end.</summary>
    public static string WarrantyState(DateOnly? warrantyEnd, DateOnly today) => warrantyEnd switch
    {
        null => "unknown",
        { } end when end >= today => "in-warranty",
        _ => "expired",
    };
}
