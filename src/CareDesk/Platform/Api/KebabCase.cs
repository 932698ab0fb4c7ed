using System.Text.Json;

namespace CareDesk.Platform.Api;

/// <summary>
/// The API's words for enum values, kebab-case as in the rest of the API ("InUse" is "in-use", "CaregiverOf" is
/// "caregiver-of"). One place turns enums into these words and back; each feature's terms class lists its vocabularies.
/// </summary>
public static class KebabCase
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>The value <paramref name="text"/> names, in any case and with spaces around it.</summary>
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

    /// <summary>Every value of <typeparamref name="TEnum"/> by its word, for a use case that accepts exactly these words.</summary>
    public static IReadOnlyDictionary<string, TEnum> Terms<TEnum>()
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().ToDictionary(v => Of(v), v => v, StringComparer.Ordinal);
}
