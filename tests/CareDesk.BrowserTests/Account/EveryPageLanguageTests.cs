using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CareDesk.BrowserTests.Infrastructure;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CareDesk.BrowserTests.Account;

/// <summary>
/// Every routable page, as an admin and as an agent, with a call card docked: a Chinese page shows no English UI word
/// and no raw code (an enum member, a stored code such as <c>bg_meter</c>, <c>mobile</c> or <c>abbott</c>, a weekday
/// or language code), in its text or its aria-label, title and placeholder attributes; an English page shows no raw code.
/// Data (names of people and models, notes) may be in any language: the words of the database's free text are allowed.
/// It runs on a host of its own, with the demo data only, so other tests' English notes never count as data here.
/// </summary>
[Collection(LanguageCollection.Name)]
public sealed class EveryPageLanguageTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    // Key names, units and product words that stay Latin in Chinese text are the ones the Chinese resources use.
    private static readonly Regex Token = new(@"[A-Za-z][A-Za-z0-9]*(?:[-_'.][A-Za-z0-9]+)*", RegexOptions.Compiled);
    private static readonly Regex CodeShape = new("^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$", RegexOptions.Compiled);
    private static readonly Regex NotWords = new(@"\S+@\S+|https?://\S+|\b[0-9A-Z]{4}-[0-9A-Z]{4}\b|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", RegexOptions.Compiled);
    private static readonly Regex Cell = new(@"\t| · |, |，|、|；|; |: |：", RegexOptions.Compiled);

    // Tables of machinery, not of data: their text holds codes and other tables' values.
    private static readonly HashSet<string> NotData = ["audit_entries", "audit_subjects", "outbox_messages", "person_search_terms", "processed_webhook_events", "timer_requests", "data_protection_keys", "refresh_tokens", "handover_reports", "call_events"];
    private static readonly Regex CodeColumn = new("(Id|Type|Kind|Category|Status|Code|Channel|Direction|Language|Languages|Rule|Action|Availability|Role|Zone|Source|Sex)$", RegexOptions.Compiled);

    private readonly ITestOutputHelper output = output;

    [Theory]
    [InlineData(Roles.Agent, SupportedCultures.Chinese)]
    [InlineData(Roles.Admin, SupportedCultures.Chinese)]
    [InlineData(Roles.Agent, SupportedCultures.English)]
    [InlineData(Roles.Admin, SupportedCultures.English)]
    public async Task Every_page_reads_in_the_users_language_without_raw_codes(string role, string language)
    {
        var ids = await DemoRecords.SeedAsync(Site.Services);
        var (codes, dataWords) = await ReadDatabaseWordsAsync();
        var chineseWords = ResourceWords("zh-Hans");
        chineseWords.ExceptWith(codes);
        var englishWords = ResourceWords(null);
        await Page.SetViewportSizeAsync(1366, 768);
        await SignInAsync(DemoEmail(role));
        await UseLanguageAsync(language);

        var problems = new List<string>();
        foreach (var (template, path) in Routes(ids))
        {
            await Page.GotoAsync(path);
            // The sign-in and access-denied pages are static; every other page is a desk: a call rings on it, so the
            // docked card is read too.
            if (!Page.Url.Contains("/account/", StringComparison.Ordinal))
            {
                await WaitUntilInteractiveAsync();
                // The pages whose looks the work changed, kept to look at in both languages (before a card docks).
                if (role == Roles.Admin && Screenshots.TryGetValue(template, out var name))
                {
                    await ScreenshotAsync($"keys-{name}-{language}");
                }

                await PhoneSystem.RingAsync(Site.BaseAddress, DemoEmail(role), Guid.NewGuid().ToString("N"), ids.CallerPhone);
                await Microsoft.Playwright.Assertions.Expect(Page.Locator(".screen-pop .caller-card").First).ToBeVisibleAsync();
            }

            var texts = await Page.EvaluateAsync<string[]>(
                """
                () => [document.title, ...document.body.innerText.split('\n'),
                       ...[...document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')].flatMap(e =>
                           ['aria-label', 'title', 'placeholder', 'alt'].map(a => e.getAttribute(a)).filter(v => v))]
                """);
            foreach (var text in texts.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct())
            {
                foreach (var cell in Cell.Split(NotWords.Replace(text, " ")))
                {
                    var words = Token.Matches(cell).Select(m => m.Value).ToList();
                    // A cell made of codes alone ("home", "phone inbound", "bg_meter") is a code shown as it is
                    // stored, unless the English resources use those very words ("ringing").
                    // In English a capitalised word is a label ("Monday", "Patient"); a code is lower-case or run together ("InProgress").
                    var codesAlone = words.Count > 0 && words.All(codes.Contains) && !Regex.IsMatch(Token.Replace(cell, ""), @"\p{L}")
                        && !(language == SupportedCultures.English
                             && (words.All(englishWords.Contains) || words.All(w => Regex.IsMatch(w, "^[A-Z][a-z]+$"))));
                    foreach (var word in words)
                    {
                        var isCode = codesAlone
                            || (codes.StrongCodes.Contains(word) && (word.Any(c => c is '-' or '_') || word.Length == 3) && !dataWords.Contains(word));
                        var isEnglish = language == SupportedCultures.Chinese && word.Count(char.IsLetter) > 1
                            && !dataWords.Contains(word) && !chineseWords.Contains(word) && word != "English";
                        if (isCode || isEnglish)
                        {
                            problems.Add($"{path}: \"{word}\" in \"{Shorten(text)}\"");
                        }
                    }
                }
            }
        }

        foreach (var problem in problems.Distinct())
        {
            output.WriteLine(problem);
        }

        Assert.True(problems.Count == 0, $"{problems.Distinct().Count()} raw codes or English words on {language} pages as {role}:\n" + string.Join("\n", problems.Distinct()));
    }

    private static readonly Dictionary<string, string> Screenshots = new()
    {
        ["/roster"] = "roster",
        ["/shifts"] = "shifts",
        ["/handovers/{Id:guid}"] = "handover",
        ["/people/{Id:guid}"] = "person",
        ["/cases/{Id:guid}"] = "case",
        ["/complaints/{Id:guid}"] = "complaint",
        ["/recalls"] = "recalls",
    };

    /// <summary>Every <c>@page</c> route of the app (its template), its parameters filled with ids from the demo data.</summary>
    private static IEnumerable<(string Template, string Path)> Routes(DemoRecords ids)
    {
        var routes = typeof(SharedResource).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .Distinct()
            .Order(StringComparer.Ordinal);
        foreach (var template in routes)
        {
            var path = template switch
            {
                "/cases/{Id:guid}" => $"/cases/{ids.Case}",
                "/complaints/{Id:guid}" => $"/complaints/{ids.Complaint}",
                // Quality's printable form: for other roles the access-denied page, read in their language.
                "/complaints/{Id:guid}/reports/{Form}" => $"/complaints/{ids.Complaint}/reports/cn-nmpa",
                "/people/{Id:guid}" => $"/people/{ids.Person}",
                "/handovers/{Id:guid}" => $"/handovers/{ids.Handover}",
                "/catalog/models/{Id}" => $"/catalog/models/{ids.Model}",
                "/admin/catalog/models/{Id}" => $"/admin/catalog/models/{ids.Model}",
                // The demo data holds no import: the page's "no such import", in the reader's language (ImportPageTests reads a real one).
                "/imports/{Id:guid}" => $"/imports/{Guid.NewGuid()}",
                _ when template.Contains('{', StringComparison.Ordinal) => throw new InvalidOperationException($"No demo id for the route {template}: add one here."),
                _ => template,
            };
            yield return (template, path);
        }

        // Pages that show more with a query.
        yield return ("/people", "/people?q=%E7%8E%8B");
        yield return ("/catalog", "/catalog?q=anwen");
    }

    private sealed class Codes : HashSet<string>
    {
        public Codes()
            : base(StringComparer.Ordinal)
        {
        }

        /// <summary>Codes that are no English word: wrong on English pages too, even as one lower-case word.</summary>
        public HashSet<string> StrongCodes { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// The raw codes (every enum member in code form, weekday and language codes, and the values of the database's
    /// code columns), and the words of its free text, which are data.
    /// </summary>
    private async Task<(Codes Codes, HashSet<string> DataWords)> ReadDatabaseWordsAsync()
    {
        var codes = new Codes();
        foreach (var type in typeof(SharedResource).Assembly.GetTypes().Where(t => t.IsEnum).Append(typeof(DayOfWeek)))
        {
            foreach (var name in Enum.GetNames(type))
            {
                var kebab = Regex.Replace(name, "(?<!^)([A-Z])", "-$1").ToLowerInvariant();
                codes.UnionWith([name, kebab, kebab.Replace('-', '_'), name.ToLowerInvariant()]);
            }
        }

        foreach (var day in Enum.GetNames<DayOfWeek>())
        {
            codes.StrongCodes.Add(day[..3].ToLowerInvariant());
        }

        codes.StrongCodes.UnionWith(SupportedCultures.All.Where(c => c.Contains('-', StringComparison.Ordinal)));
        codes.StrongCodes.Add("zh");

        var data = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using var scope = Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareDeskDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" LIMIT 5000";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var column = 0; column < reader.FieldCount; column++)
                {
                    if (reader.GetValue(column) is not string value)
                    {
                        continue;
                    }

                    if (NotData.Contains(table))
                    {
                        continue;
                    }

                    if (CodeColumn.IsMatch(reader.GetName(column)))
                    {
                        codes.StrongCodes.UnionWith(Token.Matches(value).Select(m => m.Value).Where(w => CodeShape.IsMatch(w)));
                    }
                    else
                    {
                        data.UnionWith(Token.Matches(value).Select(m => m.Value));
                    }
                }
            }
        }

        codes.UnionWith(codes.StrongCodes);
        return (codes, data);
    }

    /// <summary>
    /// The words of the English resources, or the Latin words of the translated Chinese ones (CareDesk, Ctrl, SLA),
    /// which are meant to stay.
    /// </summary>
    private static HashSet<string> ResourceWords(string? culture)
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/CareDesk/Resources"));
        var words = new HashSet<string>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(root, "*.resx", SearchOption.AllDirectories)
            .Where(f => culture is null ? Path.GetFileNameWithoutExtension(f).IndexOf('.', StringComparison.Ordinal) < 0 : f.EndsWith($".{culture}.resx", StringComparison.Ordinal));
        foreach (var file in files)
        {
            foreach (var value in XDocument.Load(file).Descendants("data").Select(d => d.Element("value")?.Value ?? "").Where(v => culture is null || v.Any(c => c is >= '\u4e00' and <= '\u9fff')))
            {
                words.UnionWith(Token.Matches(Regex.Replace(value, @"\{\d+[^}]*\}", " ")).Select(m => m.Value));
            }
        }

        return words;
    }

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100] + "…";
}

/// <summary>A host of its own for <see cref="EveryPageLanguageTests"/>: demo data and nothing other tests wrote.</summary>
[CollectionDefinition(Name)]
public sealed class LanguageCollection : ICollectionFixture<BrowserSite>
{
    public const string Name = "Language";
}
