using Bunit;
using CareDesk.Features.NothingLost;
using CareDesk.Features.NothingLost.Pages;
using CareDesk.Platform.Identity;
using CareDesk.Tests.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareDesk.Tests.Features.NothingLost;

/// <summary>The supervisors' nothing-lost page: the open findings, in the reader's language, updated live by each scan.</summary>
public sealed class FindingsPageTests : DatabaseComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly HeldCondition held = new();

    public FindingsPageTests()
    {
        Services.TryAddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        Services.AddNothingLost();
        // The real detector with one rule whose condition the test sets: the page, the scan and the push are real.
        Services.RemoveAll<IFindingRule>();
        Services.AddSingleton<IFindingRule>(held);
        // And the real idle-case rule, for findings about a case (it finds nothing until a test stores a stuck case).
        Services.AddScoped<IFindingRule, IdleCaseRule>();
        // Live pushes reach interactive circuits only.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        SignInAs(Roles.Supervisor);
    }

    [Theory]
    [InlineData("en", "Owner off shift with open cases", "Nothing is getting lost right now.")]
    [InlineData("zh-CN", "负责人不在班但有未结工单", "目前没有遗漏。")]
    public async Task A_scan_that_raises_a_finding_shows_it_live_and_one_that_resolves_it_removes_it(string culture, string label, string none)
    {
        UseLanguage(culture);
        var page = Render<FindingsPage>();
        Assert.Equal(none, page.WaitForElement("#findings-none", Wait).TextContent.Trim());

        held.Subjects = ["user-on-leave"];
        await ScanAsync();

        var row = page.WaitForElement(".finding[data-rule='owner-off-shift']", Wait);
        Assert.Equal(label, row.QuerySelector("td")!.TextContent.Trim());
        Assert.Contains("3", row.TextContent, StringComparison.Ordinal);

        held.Subjects = [];
        await ScanAsync();

        page.WaitForElement("#findings-none", Wait);
        Assert.Empty(page.FindAll(".finding"));
    }

    [Theory]
    [InlineData("en", "In progress, no activity for 1 d 2 h", "3 d 5 h")]
    [InlineData("zh-CN", "处理中，已 1 天 2 小时 无动态", "3 天 5 小时")]
    public async Task A_case_finding_links_its_case_and_shows_its_owner_age_and_what_is_wrong_in_words(string culture, string detail, string age)
    {
        UseLanguage(culture);
        var personId = await CreatePersonAsync("王建国");
        var now = Clock.GetUtcNow();
        var (caseId, owner) = await WithDbAsync(async db =>
        {
            var expert = new CareDesk.Platform.Identity.User { UserName = $"{UserId}@example.test", Email = $"{UserId}@example.test", DisplayName = "李医生" };
            db.Users.Add(expert);
            var stuck = new CareDesk.Features.Cases.Case
            {
                Number = "V5PRFWST",
                PersonId = personId,
                Subject = "Pump occlusion alarm",
                Status = CareDesk.Features.Cases.CaseStatus.InProgress,
                OwnerUserId = expert.Id,
                OpenedBy = expert.Id,
                OpenedAt = now - TimeSpan.FromHours(77),
                UpdatedAt = now - TimeSpan.FromHours(26),
                LastActivityAt = now - TimeSpan.FromHours(26),
            };
            db.Cases.Add(stuck);
            await db.SaveChangesAsync();
            return (stuck.Id, expert.DisplayName);
        });
        await ScanAsync();

        var page = Render<FindingsPage>();

        var row = page.WaitForElement(".finding[data-rule='case-idle']", Wait);
        var link = row.QuerySelector(".finding-case a.case-number")!;
        Assert.Equal(($"/cases/{caseId}", "V5PR-FWST"), (link.GetAttribute("href"), link.TextContent.Trim()));
        Assert.Equal(owner, row.QuerySelector(".finding-owner")!.TextContent.Trim());
        Assert.Equal(age, row.QuerySelector(".finding-age")!.TextContent.Trim());
        Assert.Equal(detail, row.QuerySelector(".finding-detail")!.TextContent.Trim());
        Assert.DoesNotContain("in-progress", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(now.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_finding_is_listed_once_however_often_the_scan_sees_it()
    {
        UseLanguage("en");
        held.Subjects = ["a", "b"];
        await ScanAsync();
        await ScanAsync();

        var page = Render<FindingsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".finding").Count), Wait);
    }

    private Task<FindingsChanged> ScanAsync() => RunAsync<DetectLostWork, FindingsChanged>(scan => scan.RunAsync(CancellationToken.None));

    /// <summary>Stands in for the planned "owner off shift" rule (docs/nothing-lost.md): holds for the subjects the test sets.</summary>
    private sealed class HeldCondition : IFindingRule
    {
        public IReadOnlyList<string> Subjects { get; set; } = [];

        public string Name => "owner-off-shift";

        public Task<IReadOnlyList<Detected>> DetectAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Detected>>([.. Subjects.Select(s => new Detected(s, null, null, "3"))]);
    }
}
