using MudBlazor;

namespace CareDesk.Components.Layout;

/// <summary>
/// The desktop's colours. MudBlazor's default secondary, info, success, warning and error colours are too light for small
/// text: white on them, or they on white, stays under the 4.5:1 contrast WCAG 2.1 AA asks for (axe-core counted 29
/// violations, mostly on the roster). These darker shades of the same hues reach at least 5:1 both ways, so every chip,
/// button and alert that uses them is readable without a per-element fix.
/// </summary>
public static class CareDeskTheme
{
    public static MudTheme Light { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Secondary = "#C2185B",
            Info = "#1565C0",
            Success = "#2E7D32",
            Warning = "#A84B00",
            Error = "#C62828",
        },
    };
}
