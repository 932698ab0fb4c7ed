namespace CareDesk.Features.Imports;

/// <summary>
/// Why a row was taken for a person already known (docs/imports.md, "Duplicates"): the <c>basis</c> of the report.
/// </summary>
public static class MatchBasis
{
    /// <summary>A shared phone and the same name, character for character.</summary>
    public const string Exact = "exact";

    /// <summary>A shared phone and the same name after normalization (case, spacing, full-width forms).</summary>
    public const string PhoneNormalized = "phone+normalized";

    /// <summary>A shared phone and the name in traditional characters.</summary>
    public const string PhoneTraditional = "phone+traditional";

    /// <summary>A shared phone and the name in pinyin, either order.</summary>
    public const string PhonePinyin = "phone+pinyin";

    /// <summary>A shared phone and a homophone typo in the given name.</summary>
    public const string PhoneHomophone = "phone+homophone";

    /// <summary>The same name and date of birth with another phone: weaker evidence, listed for review.</summary>
    public const string NameAndDateOfBirth = "name+dob";
}
