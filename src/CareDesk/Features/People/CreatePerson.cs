using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
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

/// <summary>The checks and conversions creating and editing a person share.</summary>
internal static class PersonRules
{
    public static Failure? Check(string? name, string? kind, string? sex, string? preferredChannel, string? timeZone)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Failure.Invalid("name", "Name.Required");
        }

        if (!KebabCase.TryParse<PersonKind>(kind, out _))
        {
            return Failure.Invalid("kind", "Kind.Invalid");
        }

        if (sex is not null && !KebabCase.TryParse<Sex>(sex, out _))
        {
            return Failure.Invalid("sex", "Sex.Invalid");
        }

        if (preferredChannel is not null && !KebabCase.TryParse<ContactChannel>(preferredChannel, out _))
        {
            return Failure.Invalid("preferredChannel", "Channel.Invalid");
        }

        if (!string.IsNullOrWhiteSpace(timeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            return Failure.Invalid("timeZone", "TimeZone.Invalid");
        }

        return null;
    }

    public static void Apply(
        Person person,
        string? familyName,
        string? givenName,
        string kind,
        DateOnly? dateOfBirth,
        string? sex,
        IReadOnlyList<string>? languages,
        string? timeZone,
        CreatePerson.AccessibilityInput? accessibility,
        string? preferredChannel,
        string? preferredHours,
        string? assignedFieldRepId,
        string? notes)
    {
        person.FamilyName = Blank(familyName);
        person.GivenName = Blank(givenName);
        person.Kind = KebabCase.TryParse(kind, out PersonKind personKind) ? personKind : PersonKind.Other;
        person.DateOfBirth = dateOfBirth;
        person.Sex = KebabCase.TryParse(sex, out Sex personSex) ? personSex : Sex.Unknown;
        person.Languages = [.. (languages ?? []).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()).Distinct()];
        person.TimeZone = Blank(timeZone);
        person.Accessibility = accessibility is null
            ? new AccessibilityNeeds()
            : new AccessibilityNeeds
            {
                HardOfHearing = accessibility.HardOfHearing,
                LowVision = accessibility.LowVision,
                NeedsVideo = accessibility.NeedsVideo,
                NeedsCaregiverPresent = accessibility.NeedsCaregiverPresent,
                Notes = Blank(accessibility.Notes),
            };
        person.PreferredChannel = KebabCase.TryParse(preferredChannel, out ContactChannel channel) ? channel : null;
        person.PreferredHours = Blank(preferredHours);
        person.AssignedFieldRepId = Blank(assignedFieldRepId);
        person.Notes = Blank(notes);
    }

    public static Result<ContactPoint> Phone(PhoneNumberParser parser, string? number, string? type, FactProvenance provenance, string field)
    {
        if (parser.TryParse(number) is not { } parsed)
        {
            return Failure.Invalid($"{field}.number", "Phone.Invalid");
        }

        if (!string.IsNullOrWhiteSpace(type) && !PhoneTypes.Contains(type.Trim().ToLowerInvariant()))
        {
            return Failure.Invalid($"{field}.type", "PhoneType.Invalid");
        }

        return new ContactPoint
        {
            Kind = ContactPointKind.Phone,
            Type = string.IsNullOrWhiteSpace(type) ? "mobile" : type.Trim().ToLowerInvariant(),
            Value = parsed.E164,
            Raw = parsed.Raw,
            LastDigits = parsed.LastDigits,
            Provenance = provenance,
        };
    }

    public static Result<ContactPoint> Email(string? address, FactProvenance provenance, string field)
    {
        var value = address?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(value) || value.Length > 320 || !MailAddress.TryCreate(value, out var parsed)
            || !string.Equals(parsed.Address, value, StringComparison.Ordinal) || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            return Failure.Invalid(field, "Email.Invalid");
        }

        return new ContactPoint { Kind = ContactPointKind.Email, Type = "email", Value = value, Raw = address!.Trim(), Provenance = provenance };
    }

    public static Result<ContactPoint> Messaging(string? platform, string? id, FactProvenance provenance, string field)
    {
        if (string.IsNullOrWhiteSpace(platform) || platform.Trim().Length > 32)
        {
            return Failure.Invalid($"{field}.platform", "Messaging.PlatformInvalid");
        }

        if (string.IsNullOrWhiteSpace(id) || id.Trim().Length > 320)
        {
            return Failure.Invalid($"{field}.id", "Messaging.IdInvalid");
        }

        return new ContactPoint { Kind = ContactPointKind.Messaging, Type = platform.Trim().ToLowerInvariant(), Value = id.Trim(), Provenance = provenance };
    }

    public static Result<Address> Address(CreatePerson.AddressInput input, FactProvenance provenance, string field)
    {
        if (string.IsNullOrWhiteSpace(input.Line1) || input.Line1.Length > 300)
        {
            return Failure.Invalid($"{field}.line1", "Address.Line1Invalid");
        }

        if (input.Country is not { Length: 2 } country || !country.All(char.IsAsciiLetter))
        {
            return Failure.Invalid($"{field}.country", "Address.CountryInvalid");
        }

        if (input.Latitude is < -90 or > 90 || input.Longitude is < -180 or > 180 || input.Latitude.HasValue != input.Longitude.HasValue)
        {
            return Failure.Invalid($"{field}.latitude", "Address.CoordinatesInvalid");
        }

        if ((input.Line2?.Length ?? 0) > 300 || (input.City?.Length ?? 0) > 100 || (input.Region?.Length ?? 0) > 100
            || (input.PostalCode?.Length ?? 0) > 20 || (input.Type?.Length ?? 0) > 32)
        {
            return Failure.Invalid(field, "Address.TooLong");
        }

        return new Address
        {
            Type = string.IsNullOrWhiteSpace(input.Type) ? "home" : input.Type.Trim().ToLowerInvariant(),
            Line1 = input.Line1.Trim(),
            Line2 = Blank(input.Line2),
            City = Blank(input.City),
            Region = Blank(input.Region),
            PostalCode = Blank(input.PostalCode),
            Country = country.ToUpperInvariant(),
            Latitude = input.Latitude,
            Longitude = input.Longitude,
            Provenance = provenance,
        };
    }

    private static readonly HashSet<string> PhoneTypes = ["mobile", "home", "work", "other"];

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
