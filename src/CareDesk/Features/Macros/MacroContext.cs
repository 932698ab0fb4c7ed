using System.Globalization;
using System.Security.Claims;
using CareDesk.Features.Cases;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Localization;

namespace CareDesk.Features.Macros;

/// <summary>What a macro's placeholders are filled with where it is inserted: a case, or a person's contact form (no case).</summary>
public sealed record MacroContext(
    string? PersonName = null, string? CallerName = null, string? Device = null, string? CaseNumber = null, string? CaseSubject = null,
    string? AgentName = null, DateOnly? Today = null)
{
    public static MacroContext Of(GetCase.View view, ClaimsPrincipal agent, TimeProvider clock) =>
        new(view.PersonName, view.Caller?.Name, view.DeviceLabel, view.Number, view.Subject, AgentNameOf(agent), TodayOf(agent, clock));

    public static string? AgentNameOf(ClaimsPrincipal agent) => agent.FindFirstValue(CareDeskClaimsPrincipalFactory.DisplayNameClaim);

    /// <summary>The agent's date in their own time zone.</summary>
    public static DateOnly TodayOf(ClaimsPrincipal agent, TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), UserClock.ZoneOf(agent)).DateTime);

    /// <summary>The macro's text filled in; "today" in the macro's own language (it goes to the customer in that language).</summary>
    public string Fill(Macro macro) => Fill(macro.Text, macro.Language);

    public string Fill(string text, string language) => MacroPlaceholders.Fill(text, new Dictionary<string, string?>
    {
        [MacroPlaceholders.PersonName] = PersonName,
        [MacroPlaceholders.CallerName] = CallerName ?? PersonName,
        [MacroPlaceholders.Device] = Device,
        [MacroPlaceholders.CaseNumber] = CaseNumber,
        [MacroPlaceholders.CaseSubject] = CaseSubject,
        [MacroPlaceholders.AgentName] = AgentName,
        [MacroPlaceholders.Today] = Today?.ToString(
            language == SupportedCultures.Chinese ? "yyyy年M月d日" : "d MMMM yyyy", CultureInfo.GetCultureInfo(language)),
    });
}
