using CareDesk.Platform.Localization;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Cases;

/// <summary>How new case numbers look (section <c>Cases</c>, key <c>NumberStyle</c>): see <see cref="CaseNumbers"/>.</summary>
public sealed class CaseNumberOptions
{
    public const string Section = "Cases";

    /// <summary>
    /// <c>Letters</c> or <c>Digits</c>; unset, digits when the installation's default language is Chinese
    /// (<c>Localization:DefaultLanguage</c>), letters otherwise.
    /// </summary>
    public CaseNumberStyle? NumberStyle { get; set; }

    /// <summary>Fills an unset style from the installation's default language.</summary>
    internal sealed class FromLanguage(IOptions<LanguageOptions> language) : IPostConfigureOptions<CaseNumberOptions>
    {
        public void PostConfigure(string? name, CaseNumberOptions options) =>
            options.NumberStyle ??= SupportedCultures.Normalize(language.Value.DefaultLanguage) == SupportedCultures.Chinese
                ? CaseNumberStyle.Digits
                : CaseNumberStyle.Letters;
    }
}
