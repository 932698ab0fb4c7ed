using System.Net.Mail;
using CareDesk.Platform.Api;

namespace CareDesk.Features.People;

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
