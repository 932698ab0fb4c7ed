using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;

namespace CareDesk.Features.People;

/// <summary>
/// Creates one person with their contact points and addresses (F1). Every phone is parsed to E.164, every e-mail
/// lower-cased and checked; each fact remembers where it came from and when (F2). Bad input names its field,
/// e.g. <c>phones[0].number</c>, and nothing is stored.
/// </summary>
public sealed class CreatePerson(CareDeskDbContext db, PhoneNumberParser parser, TimeProvider time)
{
    public sealed record AccessibilityInput(bool HardOfHearing, bool LowVision, bool NeedsVideo, bool NeedsCaregiverPresent, [property: MaxLength(1000)] string? Notes);

    public sealed record PhoneInput(string? Number, string? Type);

    public sealed record MessagingInput(string? Platform, string? Id);

    public sealed record AddressInput(
        string? Type,
        string? Line1,
        string? Line2,
        string? City,
        string? Region,
        string? PostalCode,
        string? Country,
        double? Latitude,
        double? Longitude);

    public sealed record Request(
        [property: Required, MaxLength(200), SingleLineText] string Name,
        [property: MaxLength(100), SingleLineText] string? FamilyName,
        [property: MaxLength(100), SingleLineText] string? GivenName,
        [property: Required] string Kind,
        DateOnly? DateOfBirth,
        string? Sex,
        IReadOnlyList<string>? Languages,
        [property: MaxLength(64)] string? TimeZone,
        AccessibilityInput? Accessibility,
        string? PreferredChannel,
        [property: MaxLength(200)] string? PreferredHours,
        [property: MaxLength(450)] string? AssignedFieldRepId,
        [property: MaxLength(4000)] string? Notes,
        IReadOnlyList<PhoneInput>? Phones,
        IReadOnlyList<string>? Emails,
        IReadOnlyList<MessagingInput>? Messaging,
        IReadOnlyList<AddressInput>? Addresses,
        string? Source);

    public async Task<Result<Guid>> RunAsync(Request request, CancellationToken cancellationToken)
    {
        if (PersonRules.Check(request.Name, request.Kind, request.Sex, request.PreferredChannel, request.TimeZone) is { } invalid)
        {
            return invalid;
        }

        var source = FactSource.Agent;
        if (request.Source is not null && !KebabCase.TryParse(request.Source, out source))
        {
            return Failure.Invalid("source", "Source.Invalid");
        }

        if (await FieldRepAssignment.CheckAsync(db, request.AssignedFieldRepId, cancellationToken) is { } notFieldRep)
        {
            return notFieldRep;
        }

        var now = time.GetUtcNow();
        var provenance = FactProvenance.Recorded(source, now);
        var person = new Person
        {
            DisplayName = request.Name.Trim(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        PersonRules.Apply(person, request.FamilyName, request.GivenName, request.Kind, request.DateOfBirth, request.Sex, request.Languages,
            request.TimeZone, request.Accessibility, request.PreferredChannel, request.PreferredHours, request.AssignedFieldRepId, request.Notes);

        var phones = request.Phones ?? [];
        for (var i = 0; i < phones.Count; i++)
        {
            var phone = PersonRules.Phone(parser, phones[i].Number, phones[i].Type, provenance, $"phones[{i}]");
            if (!phone.Succeeded)
            {
                return phone.Failure!;
            }

            phone.Value!.IsPrimary = i == 0;
            person.ContactPoints.Add(phone.Value);
        }

        var emails = request.Emails ?? [];
        for (var i = 0; i < emails.Count; i++)
        {
            var email = PersonRules.Email(emails[i], provenance, $"emails[{i}]");
            if (!email.Succeeded)
            {
                return email.Failure!;
            }

            person.ContactPoints.Add(email.Value!);
        }

        var messaging = request.Messaging ?? [];
        for (var i = 0; i < messaging.Count; i++)
        {
            var id = PersonRules.Messaging(messaging[i].Platform, messaging[i].Id, provenance, $"messaging[{i}]");
            if (!id.Succeeded)
            {
                return id.Failure!;
            }

            person.ContactPoints.Add(id.Value!);
        }

        var addresses = request.Addresses ?? [];
        for (var i = 0; i < addresses.Count; i++)
        {
            var address = PersonRules.Address(addresses[i], provenance, $"addresses[{i}]");
            if (!address.Succeeded)
            {
                return address.Failure!;
            }

            person.Addresses.Add(address.Value!);
        }

        db.People.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        return person.Id;
    }
}
