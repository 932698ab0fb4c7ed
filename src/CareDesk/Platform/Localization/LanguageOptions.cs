using System.ComponentModel.DataAnnotations;

namespace CareDesk.Platform.Localization;

/// <summary>The installation's languages (section <c>Localization</c>).</summary>
public sealed class LanguageOptions : IValidatableObject
{
    public const string Section = "Localization";

    /// <summary>
    /// The language of the sign-in page and of users who chose none, before the browser's: <c>en</c> or <c>zh-CN</c>.
    /// A Chinese care center sets <c>zh-CN</c> (it also makes new case numbers digits only).
    /// </summary>
    public string DefaultLanguage { get; set; } = SupportedCultures.Default;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!SupportedCultures.All.Contains(DefaultLanguage, StringComparer.OrdinalIgnoreCase))
        {
            yield return new ValidationResult(
                $"Localization:DefaultLanguage '{DefaultLanguage}' is not a CareDesk language: use {string.Join(" or ", SupportedCultures.All)}.",
                [nameof(DefaultLanguage)]);
        }
    }
}
