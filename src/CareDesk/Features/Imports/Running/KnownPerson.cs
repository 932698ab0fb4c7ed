namespace CareDesk.Features.Imports.Running;

/// <summary>
/// What the import knows of a person while it matches rows: their name, date of birth, phones (their own, and those
/// only kept for them as a family member's) and address lines, and the first row of this import that named them.
/// </summary>
public sealed class KnownPerson(Guid id, string name, DateOnly? dateOfBirth, bool existedBefore)
{
    public Guid Id { get; } = id;

    public string Name { get; } = name;

    public DateOnly? DateOfBirth { get; set; } = dateOfBirth;

    /// <summary>In CareDesk before this import's first row named them: their first row is <c>updated</c>, not <c>created</c>.</summary>
    public bool ExistedBefore { get; } = existedBefore;

    /// <summary>The first row of this import naming them (null while none has): later rows are its duplicates.</summary>
    public RowRef? FirstRow { get; set; }

    public HashSet<string> OwnPhones { get; } = new(StringComparer.Ordinal);

    /// <summary>Numbers given as a family member's (the remark said whose) while no one of that number was known.</summary>
    public HashSet<string> FamilyPhones { get; } = new(StringComparer.Ordinal);

    public HashSet<string> AddressLines { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Serials { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The people this person is already a caregiver of: a relationship is written once.</summary>
    public HashSet<Guid> CaregiverOf { get; } = [];
}
