namespace CareDesk.Features.People.Merging;

/// <summary>
/// A person's own fields (not their facts), as a value: what a merge remembers of both people and what an unmerge puts
/// back. <see cref="UpdatedAt"/> is the "newer" of the survivorship rules.
/// </summary>
public sealed record PersonScalars
{
    public string? FamilyName { get; init; }

    public string? GivenName { get; init; }

    public required string DisplayName { get; init; }

    public PersonKind Kind { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    public Sex Sex { get; init; }

    public IReadOnlyList<string> Languages { get; init; } = [];

    public string? TimeZone { get; init; }

    public AccessibilityNeeds Accessibility { get; init; } = new();

    public ContactChannel? PreferredChannel { get; init; }

    public string? PreferredHours { get; init; }

    public string? AssignedFieldRepId { get; init; }

    public string? Notes { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public static PersonScalars Of(Person person) => new()
    {
        FamilyName = person.FamilyName,
        GivenName = person.GivenName,
        DisplayName = person.DisplayName,
        Kind = person.Kind,
        DateOfBirth = person.DateOfBirth,
        Sex = person.Sex,
        Languages = [.. person.Languages],
        TimeZone = person.TimeZone,
        Accessibility = person.Accessibility,
        PreferredChannel = person.PreferredChannel,
        PreferredHours = person.PreferredHours,
        AssignedFieldRepId = person.AssignedFieldRepId,
        Notes = person.Notes,
        UpdatedAt = person.UpdatedAt,
    };

    public void ApplyTo(Person person)
    {
        person.FamilyName = FamilyName;
        person.GivenName = GivenName;
        person.DisplayName = DisplayName;
        person.Kind = Kind;
        person.DateOfBirth = DateOfBirth;
        person.Sex = Sex;
        person.Languages = [.. Languages];
        person.TimeZone = TimeZone;
        person.Accessibility = Accessibility;
        person.PreferredChannel = PreferredChannel;
        person.PreferredHours = PreferredHours;
        person.AssignedFieldRepId = AssignedFieldRepId;
        person.Notes = Notes;
        person.UpdatedAt = UpdatedAt;
    }

    /// <summary>The fields, by their API names, whose values differ between the two (what a merge changed, or what changed since).</summary>
    public static IReadOnlyList<string> Differences(PersonScalars a, PersonScalars b)
    {
        var fields = new List<string>();
        void Check(string name, bool same)
        {
            if (!same)
            {
                fields.Add(name);
            }
        }

        Check("familyName", a.FamilyName == b.FamilyName);
        Check("givenName", a.GivenName == b.GivenName);
        Check("name", a.DisplayName == b.DisplayName);
        Check("kind", a.Kind == b.Kind);
        Check("dateOfBirth", a.DateOfBirth == b.DateOfBirth);
        Check("sex", a.Sex == b.Sex);
        Check("languages", a.Languages.SequenceEqual(b.Languages, StringComparer.Ordinal));
        Check("timeZone", a.TimeZone == b.TimeZone);
        Check("accessibility", a.Accessibility == b.Accessibility);
        Check("preferredChannel", a.PreferredChannel == b.PreferredChannel);
        Check("preferredHours", a.PreferredHours == b.PreferredHours);
        Check("assignedFieldRepId", a.AssignedFieldRepId == b.AssignedFieldRepId);
        Check("notes", a.Notes == b.Notes);
        return fields;
    }
}
