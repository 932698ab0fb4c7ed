using Bunit;
using CareDesk.Features.People.Merging;
using CareDesk.Features.People.Merging.Pages;
using CareDesk.Platform.Identity;
using CareDesk.Tests.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Tests.Features.People.Merging;

public sealed class PersonMergesPanelTests : DatabaseComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("en", "After the merge", "Merged. The duplicate now points to this person.")]
    [InlineData("zh-CN", "合并后", "已合并。重复人员现指向此人。")]
    public async Task A_supervisor_finds_the_duplicate_compares_them_writes_a_note_and_merges(string culture, string resultHeader, string done)
    {
        UseLanguage(culture);
        SignInAs(Roles.Supervisor);
        AllowPolicies(Policies.Staff, Policies.Supervision);
        var survivor = await CreatePersonAsync("赵敏", phones: ["139 5555 0101"]);
        var duplicate = await CreatePersonAsync("赵敏", phones: ["139 5555 0102"], hardOfHearing: true);
        var panel = RenderInLayout<PersonMergesPanel>(p => p.Add(x => x.PersonId, survivor).Add(x => x.Viewer, Unrestricted));

        panel.WaitForElement("#person-merge-open", Wait).Click();
        panel.WaitForElement("#merge-search", Wait).Input("139 5555 0102");
        // MudBlazor debounces the search box on the injected clock.
        Clock.Advance(TimeSpan.FromSeconds(1));
        panel.WaitForElement($"#merge-candidate-{duplicate}", Wait).Click();
        panel.WaitForAssertion(() => Assert.Contains(resultHeader, panel.Find("#merge-compare").TextContent, StringComparison.Ordinal), Wait);
        Assert.True(panel.Find("#merge-confirm").HasAttribute("disabled"));
        panel.Find("#merge-note").Change("Same person: two dealers' lists.");
        panel.Find("#merge-confirm").Click();

        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("#person-merges")), Wait);
        Assert.Contains(done, Services.GetRequiredService<MudBlazor.ISnackbar>().ShownSnackbars.Select(s => s.Message));
        var merged = await WithDbAsync(db => db.People.SingleAsync(p => p.Id == duplicate));
        Assert.Equal(survivor, merged.MergedIntoId);
        Assert.True((await WithDbAsync(db => db.People.SingleAsync(p => p.Id == survivor))).Accessibility.HardOfHearing);
    }

    [Fact]
    public async Task An_agent_sees_no_merge_action_and_a_merged_persons_panel_points_to_the_survivor()
    {
        UseLanguage("en");
        var survivor = await CreatePersonAsync("Mary Smith");
        var duplicate = await CreatePersonAsync("Mary Smith");
        var merge = await RunAsync<MergePeople, CareDesk.Platform.Api.Result<Guid>>(async m =>
        {
            var versions = await WithDbAsync(db => db.People.Where(p => p.Id == survivor || p.Id == duplicate).ToDictionaryAsync(p => p.Id, p => p.Version.ToString()));
            return await m.RunAsync(survivor, new MergePeople.Request(duplicate, "dup", versions[survivor], versions[duplicate]), Unrestricted, CancellationToken.None);
        });
        Assert.True(merge.Succeeded, merge.Failure?.MessageKey);

        var panel = RenderInLayout<PersonMergesPanel>(p => p.Add(x => x.PersonId, duplicate).Add(x => x.Viewer, Unrestricted));

        panel.WaitForAssertion(() => Assert.Contains("This person was merged into Mary Smith", panel.Find("#person-merged-into").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal($"people/{survivor}", panel.Find("#person-merged-into-link").GetAttribute("href"));
        Assert.Empty(panel.FindAll("#person-merge-open"));
        Assert.Empty(panel.FindAll($"#unmerge-{merge.Value}"));
    }
}
