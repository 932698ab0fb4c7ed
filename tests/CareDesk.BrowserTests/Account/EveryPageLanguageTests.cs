using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CareDesk.BrowserTests.Infrastructure;
using CareDesk.Features.Cases;
using CareDesk.Features.Devices;
using CareDesk.Features.NothingLost;
using CareDesk.Platform.Audit;
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
    private static readonly Regex NotWords = new(@"\S+@\S+|https?://\S+|\b[0-9A-Z]{4}-[0-9A-Z]{4}\b", RegexOptions.Compiled);
    private static readonly Regex CodeColumn = new("(Id|Type|Kind|Category|Status|Code|Channel|Direction|Language|Languages|Rule|Action|Availability|Role|Zone|Source|Sex)$", RegexOptions.Compiled);

    private readonly ITestOutputHelper output = output;

    [Theory]
    [InlineData(Roles.Agent, SupportedCultures.Chinese)]
    [InlineData(Roles.Admin, SupportedCultures.Chinese)]
    [InlineData(Roles.Agent, SupportedCultures.English)]
    [InlineData(Roles.Admin, SupportedCultures.English)]
    public async Task Every_page_reads_in_the_users_language_without_raw_codes(string role, string language)
    {
        var ids = await SeedAsync();
        var (codes, dataWords) = await ReadDatabaseWordsAsync();
        var chineseWords = ResourceWords("zh-Hans");
        chineseWords.ExceptWith(codes);
        await Page.SetViewportSizeAsync(1366, 768);
        await SignInAsync(DemoEmail(role));
        await UseLanguageAsync(language);

        var problems = new List<string>();
        foreach (var path in Routes(ids))
        {
            await GoToAsync(path);
            // A call rings on every page, so the docked card is read too.
            await PhoneSystem.RingAsync(Site.BaseAddress, DemoEmail(role), Guid.NewGuid().ToString("N"), ids.CallerPhone);
            await Microsoft.Playwright.Assertions.Expect(Page.Locator(".screen-pop .caller-card").First).ToBeVisibleAsync();
            var texts = await Page.EvaluateAsync<string[]>(
                """
                () => [document.title, ...document.body.innerText.split('\n'),
                       ...[...document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')].flatMap(e =>
                           ['aria-label', 'title', 'placeholder', 'alt'].map(a => e.getAttribute(a)).filter(v => v))]
                """);
            foreach (var text in texts.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct())
            {
                foreach (var word in Token.Matches(NotWords.Replace(text, " ")).Select(m => m.Value))
                {
                    var isCode = codes.Contains(word)
                        && (language == SupportedCultures.Chinese || word.Any(c => c is '-' or '_') || codes.StrongCodes.Contains(word));
                    var isEnglish = language == SupportedCultures.Chinese && word.Count(char.IsLetter) > 1
                        && !dataWords.Contains(word) && !chineseWords.Contains(word);
                    if (isCode || isEnglish)
                    {
                        problems.Add($"{path}: \"{word}\" in \"{Shorten(text)}\"");
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

    /// <summary>Every <c>@page</c> route of the app, its parameters filled with ids from the demo data.</summary>
    private static IEnumerable<string> Routes(SeededIds ids)
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
                "/people/{Id:guid}" => $"/people/{ids.Person}",
                "/handovers/{Id:guid}" => $"/handovers/{ids.Handover}",
                "/catalog/models/{Id}" => $"/catalog/models/{ids.Model}",
                "/admin/catalog/models/{Id}" => $"/admin/catalog/models/{ids.Model}",
                _ when template.Contains('{', StringComparison.Ordinal) => throw new InvalidOperationException($"No demo id for the route {template}: add one here."),
                _ => template,
            };
            yield return path;
        }

        // Pages that show more with a query.
        yield return "/people?q=%E7%8E%8B";
        yield return "/catalog?q=anwen";
    }

    private sealed record SeededIds(Guid Person, Guid Case, Guid Handover, string Model, string CallerPhone);

    /// <summary>A case with a note for 王建国 on his meter, a handover report, and his number to ring.</summary>
    private async Task<SeededIds> SeedAsync()
    {
        await using var scope = Site.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("test");
        var db = scope.ServiceProvider.GetRequiredService<CareDeskDbContext>();
        var person = await db.People.Where(p => p.DisplayName == "王建国").Select(p => p.Id).SingleAsync();
        var device = await db.Devices.Where(d => d.PersonId == person).Select(d => new { d.Id, d.ModelId }).FirstAsync();
        var phone = await db.ContactPoints.Where(c => c.PersonId == person).Select(c => c.Value).FirstAsync();
        var agent = await db.Users.Where(u => u.Email == DemoEmail(Roles.Agent)).Select(u => u.Id).SingleAsync();
        var actor = new StaffActor(agent, OwnCustomersOnly: false);
        var caseId = await db.Cases.Where(c => c.PersonId == person).Select(c => (Guid?)c.Id).FirstOrDefaultAsync();
        if (caseId is null)
        {
            var opened = await scope.ServiceProvider.GetRequiredService<OpenCase>().RunAsync(
                new OpenCase.Request(person, "technical-support", "high", "血糖仪显示 E-3", "换了电池仍然显示错误。", device.Id), actor, CancellationToken.None);
            caseId = opened.Value;
            await scope.ServiceProvider.GetRequiredService<AddCaseNote>().RunAsync(caseId.Value, new AddCaseNote.Request("已请家属读出屏幕上的文字。"), actor, CancellationToken.None);
        }

        await scope.ServiceProvider.GetRequiredService<ProduceHandover>().RunAsync(CancellationToken.None);
        var handover = await db.HandoverReports.Select(h => h.Id).FirstAsync();
        return new SeededIds(person, caseId.Value, handover, device.ModelId, phone);
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

    /// <summary>The Latin words of the translated Chinese resources (CareDesk, Ctrl, SLA): these are meant to stay.</summary>
    private static HashSet<string> ResourceWords(string culture)
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/CareDesk/Resources"));
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, $"*.{culture}.resx", SearchOption.AllDirectories))
        {
            foreach (var value in XDocument.Load(file).Descendants("data").Select(d => d.Element("value")?.Value ?? "").Where(v => v.Any(c => c is >= '\u4e00' and <= '\u9fff')))
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
