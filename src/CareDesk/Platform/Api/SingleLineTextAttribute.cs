using System.ComponentModel.DataAnnotations;

namespace CareDesk.Platform.Api;

/// <summary>
/// A name or other one-line text: no control characters (NUL, line breaks, tabs, escapes) and no invisible
/// direction overrides that make a name display as something else. The message is a resource key that
/// <see cref="Validation"/> shows in the caller's language.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class SingleLineTextAttribute : ValidationAttribute
{
    public SingleLineTextAttribute()
        : base("Validation.ControlCharacters")
    {
    }

    public override bool IsValid(object? value) => value is not string text || !text.Any(IsRefused);

    public static bool IsRefused(char c) =>
        char.IsControl(c)
        || c is '\u2028' or '\u2029'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';
}
