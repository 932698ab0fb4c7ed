using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CareDesk.Components;

/// <summary>
/// MudBlazor's own words (the "Increment", "Open", "Close" labels of its buttons) from our resources, under
/// <c>MudBlazor.&lt;key&gt;</c>: without it a Chinese page reads English aria-labels to a screen reader.
/// A key we have no text for falls back to MudBlazor's English.
/// </summary>
internal sealed class MudBlazorTexts(IStringLocalizer<SharedResource> text) : MudLocalizer
{
    public override LocalizedString this[string key] => this[key, []];

    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            var found = text["MudBlazor." + key, arguments];
            return new LocalizedString(key, found.Value, found.ResourceNotFound);
        }
    }
}
