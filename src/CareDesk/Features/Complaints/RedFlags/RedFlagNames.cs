using System.Globalization;
using CareDesk.Features.Complaints.RedFlags.Pages;
using CareDesk.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace CareDesk.Features.Complaints.RedFlags;

/// <summary>
/// The line that names an escalation's red flags ("Red flag: Emergency visit or hospital stay" / "危险信号：急诊或住院")
/// in a recipient's language, for what leaves the desktop: the escalation e-mail and the page.
/// </summary>
public static class RedFlagNames
{
    /// <returns>Null when the escalation has no red flag.</returns>
    public static string? Line(IReadOnlyList<string>? flags, string? language, IStringLocalizer<RedFlagsText> text)
    {
        if (flags is not { Count: > 0 })
        {
            return null;
        }

        // The localizer reads the UI culture: the recipient's, not the sender's, for the moment of writing.
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(SupportedCultures.Normalize(language));
        try
        {
            return text["Escalation.RedFlags", RedFlagBadge.Names(flags, text)].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
