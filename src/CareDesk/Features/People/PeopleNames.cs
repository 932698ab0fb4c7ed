using System.Text.Json;

namespace CareDesk.Features.People;

/// <summary>
/// The API speaks kebab-case for enum values ("caregiver-of", "healthcare-professional", "field-rep").
/// One place turns them into the enums and back.
/// </summary>
public static class PeopleNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The name of the relationship read from the other end: "caregiver-of" becomes "cared-for-by".</summary>
    public static string Inverse(RelationshipKind kind) => kind switch
    {
        RelationshipKind.CaregiverOf => "cared-for-by",
        RelationshipKind.ParentOf => "child-of",
        _ => "patient-of",
    };
}
