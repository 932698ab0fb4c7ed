namespace CareDesk.Features.People;

/// <summary>People's words that are not an enum value's own (<see cref="Platform.Api.KebabCase"/> names those).</summary>
public static class PeopleNames
{
    /// <summary>The name of the relationship read from the other end: "caregiver-of" becomes "cared-for-by".</summary>
    public static string Inverse(RelationshipKind kind) => kind switch
    {
        RelationshipKind.CaregiverOf => "cared-for-by",
        RelationshipKind.ParentOf => "child-of",
        _ => "patient-of",
    };
}
