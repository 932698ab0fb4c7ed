namespace CareDesk.Features.Macros;

/// <summary>A macro as the API and the pages show it; <paramref name="Filled"/> is its text with the placeholders of a case filled in, when one was named.</summary>
public sealed record MacroView(Guid Id, string Shortcut, string Title, string Language, string Text, string Version, DateTimeOffset UpdatedAt, string? Filled = null)
{
    public static MacroView Of(Macro macro, string? filled = null) =>
        new(macro.Id, macro.Shortcut, macro.Title, macro.Language, macro.Text, macro.Version.ToString(), macro.UpdatedAt, filled);
}
