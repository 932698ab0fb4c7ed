using System.Globalization;
using CareDesk.Platform.Data;
using CareDesk.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CareDesk.Features.Complaints.RedFlags;

/// <summary>The scripts per red flag: an administrator's text where one was saved, else the shipped default.</summary>
public sealed class RedFlagScripts(CareDeskDbContext db, IStringLocalizer<RedFlagsText> text)
{
    /// <param name="Name">The red flag's name in the viewer's language.</param>
    /// <param name="Customized">False while the shipped default is in force.</param>
    public sealed record ScriptView(string Flag, string Name, string English, string Chinese, bool Customized, string? UpdatedBy, DateTimeOffset? UpdatedAt);

    public sealed record Overview(IReadOnlyList<ScriptView> Scripts);

    /// <summary>What to tell the caller now about one red flag, in the agent's language.</summary>
    public sealed record ToRead(string Flag, string Name, string Text);

    public async Task<Overview> ListAsync(CancellationToken cancellationToken)
    {
        var stored = await db.Set<RedFlagScript>().AsNoTracking().ToDictionaryAsync(s => s.Flag, cancellationToken);
        return new Overview([.. RedFlags.All.Select(flag => stored.TryGetValue(flag, out var script)
            ? new ScriptView(flag, text[$"Name.{flag}"], script.English, script.Chinese, true, script.UpdatedBy, script.UpdatedAt)
            : new ScriptView(flag, text[$"Name.{flag}"], Default(flag, SupportedCultures.English), Default(flag, SupportedCultures.Chinese), false, null, null))]);
    }

    /// <summary>The scripts of <paramref name="flags"/> in the current UI language, in the order the questions are asked.</summary>
    public async Task<IReadOnlyList<ToRead>> ForAsync(IEnumerable<string> flags, CancellationToken cancellationToken)
    {
        var wanted = flags.ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return [];
        }

        var chinese = SupportedCultures.IsChinese();
        var all = await ListAsync(cancellationToken);
        return [.. all.Scripts.Where(s => wanted.Contains(s.Flag)).Select(s => new ToRead(s.Flag, s.Name, chinese ? s.Chinese : s.English))];
    }

    /// <summary>The shipped default script of <paramref name="flag"/> in <paramref name="culture"/>, whatever the current language.</summary>
    public string Default(string flag, string culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return text[$"Script.{flag}"];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
