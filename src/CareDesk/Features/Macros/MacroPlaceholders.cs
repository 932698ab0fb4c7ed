using System.Text.RegularExpressions;

namespace CareDesk.Features.Macros;

/// <summary>
/// The placeholders a macro may hold, filled from the case (or the person) where it is inserted. Written the same in
/// both languages, in braces: "{person name}". Anything else in braces is refused when the macro is saved, so an agent
/// never sends a customer "{persn name}".
/// </summary>
public static partial class MacroPlaceholders
{
    public const string PersonName = "person name";
    public const string CallerName = "caller name";
    public const string Device = "device";
    public const string CaseNumber = "case number";
    public const string CaseSubject = "case subject";
    public const string AgentName = "agent name";
    public const string Today = "today";

    public static IReadOnlyList<string> All { get; } = [PersonName, CallerName, Device, CaseNumber, CaseSubject, AgentName, Today];

    /// <summary>The placeholders in <paramref name="text"/> that are not known, in the order written, each once.</summary>
    public static IReadOnlyList<string> Unknown(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value).Where(name => !All.Contains(name, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The text with each placeholder replaced by its value; a placeholder with no value here (no device on the case, no
    /// case on the contact form) stays as written, so the agent sees what to fill in by hand.
    /// </summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string?> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) && !string.IsNullOrEmpty(value) ? value : m.Value);

    [GeneratedRegex(@"\{([^{}\r\n]{1,40})\}")]
    private static partial Regex Placeholder();
}
