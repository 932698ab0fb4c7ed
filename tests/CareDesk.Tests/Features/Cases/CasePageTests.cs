using Bunit;
using CareDesk.Features.Cases;
using CareDesk.Features.Cases.Pages;
using CareDesk.Features.Complaints;
using CareDesk.Features.Contacts;
using CareDesk.Features.Macros;
using CareDesk.Features.Outreach;
using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Localization;
using CareDesk.Platform.Scheduling;
using CareDesk.Tests.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Tests.Features.Cases;

/// <summary>
/// The case page after a change of owner (issue 11 item 8): its action forms start afresh and offer only what the viewer
/// may now do. Before: the old owner kept the handoff, resolve and callback forms, with the target, resolution and
/// note they had typed for a case no longer theirs.
/// </summary>
public sealed class CasePageTests : DatabaseComponentContext
{
    private const string Other = "other-agent";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public CasePageTests()
    {
        Services.AddScoped<DurableTimers>();
        Services.AddScoped<UserClock>();
        Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        Services.AddCaseLinks();
        Services.AddMacros();
        Services.AddComplaints();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        SignInAs(Roles.Agent);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task After_a_handoff_the_forms_are_empty_and_offer_the_old_owner_only_take_and_a_note(string culture)
    {
        UseLanguage(culture);
        var id = await OpenMineAsync();
        var page = RenderInLayout<CasePage>(p => p.Add(c => c.Id, id));
        page.WaitForElement("#case-handoff", Wait);

        // The owner types into every form, then hands the case to a colleague.
        page.Find("#case-note").Change("Half a note for the case");
        page.Find("#case-resolution-text").Change("A resolution never sent");
        page.Find("#case-callback-note").Change("Call back about the strips");
        Choose(page, "case-handoff-to", $"user:{Other}");
        page.Find("#case-handoff-note").Change("Strips do not fit; please advise on the model.");
        page.Find("#case-handoff").Click();

        // Now someone else's: take it, or add a note; no handoff, resolve, escalate or callback forms.
        page.WaitForElement("#case-not-owner", Wait);
        Assert.Single(page.FindAll("#case-take"));
        foreach (var gone in new[] { "#case-handoff", "#case-handoff-to", "#case-resolve", "#case-wait", "#case-escalate", "#case-callback-promise", "#case-resolution-text" })
        {
            Assert.Empty(page.FindAll(gone));
        }

        Assert.Equal("", page.Find("#case-note").GetAttribute("value") ?? "");
        Assert.DoesNotContain("Half a note", page.Find("#case-note").TextContent, StringComparison.Ordinal);

        // Taking it back: the owner's forms again, and nothing typed before the handoff in them.
        page.Find("#case-take").Click();
        page.WaitForElement("#case-handoff", Wait);
        Assert.Empty(page.FindAll("#case-not-owner"));
        Assert.Equal("", page.Find("#case-resolution-text").GetAttribute("value") ?? "");
        Assert.Equal("", page.Find("#case-callback-note").GetAttribute("value") ?? "");
        Assert.Equal("", page.Find("#case-handoff-note").GetAttribute("value") ?? "");
        Assert.DoesNotContain($"user:{Other}", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supervisor_who_does_not_own_the_case_may_reassign_it_but_not_resolve_it()
    {
        UseLanguage("en");
        var id = await OpenMineAsync(owner: Other);
        SignInAs(Roles.Supervisor);

        var page = RenderInLayout<CasePage>(p => p.Add(c => c.Id, id));

        page.WaitForElement("#case-not-owner", Wait);
        Assert.Single(page.FindAll("#case-handoff"));
        Assert.Empty(page.FindAll("#case-resolve"));
        Assert.Empty(page.FindAll("#case-callback-promise"));
    }

    [Theory]
    [InlineData("zh-CN", "电话呼入，", "phone")]
    [InlineData("en", "Phone inbound, ", "phone inbound")]
    public async Task The_timeline_names_a_contacts_channel_in_the_readers_language(string culture, string shown, string rawCode)
    {
        UseLanguage(culture);
        var id = await OpenMineAsync();
        var person = await WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.PersonId).SingleAsync());
        var logged = await RunAsync<LogContact, Result<LogContact.Logged>>(log => log.RunAsync(
            new LogContact.Request("phone", "inbound", PersonId: person, CaseId: id, DeviceProblemAlleged: "no"), Unrestricted, LogContact.AgentSource, CancellationToken.None));
        Assert.True(logged.Succeeded, logged.Failure?.MessageKey);

        var page = RenderInLayout<CasePage>(p => p.Add(c => c.Id, id));

        var entry = page.WaitForElement(".timeline-entry[data-kind='contact-linked']", Wait);
        Assert.Contains(shown, entry.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(rawCode, entry.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "3个月后", "待回访", "现在可以联系")]
    [InlineData("en", "In 3 months", "waiting", "May be called now")]
    public async Task A_follow_up_promised_on_the_case_is_listed_with_its_note_and_what_the_guard_says_now(string culture, string inThree, string waiting, string mayCall)
    {
        UseLanguage(culture);
        var id = await OpenMineAsync();
        var page = RenderInLayout<CasePage>(p => p.Add(c => c.Id, id));
        page.WaitForElement("#case-follow-up-promise", Wait);

        page.FindAll("button.case-follow-up-months").Single(b => b.TextContent.Contains(inThree, StringComparison.Ordinal)).Click();
        page.Find("#case-follow-up-note").Change("三个月后确认新批次试纸");
        page.Find("#case-follow-up-promise").Click();

        var row = page.WaitForElement(".case-follow-up", Wait);
        Assert.Contains(waiting, row.TextContent, StringComparison.Ordinal);
        Assert.Contains(mayCall, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("三个月后确认新批次试纸", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("promised-callback", page.Markup, StringComparison.Ordinal);
        var due = await WithDbAsync(db => db.CampaignMembers.Where(m => m.CaseId == id).Select(m => m.NextAttemptAt).SingleAsync());
        Assert.Equal(new DateOnly(2026, 6, 2), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime));
    }

    [Theory]
    [InlineData("zh-CN", false, "现在可以联系")]
    [InlineData("en", false, "May be called now")]
    [InlineData("zh-CN", true, "拒绝联系")]
    [InlineData("en", true, "Do not contact")]
    public async Task A_promised_callback_shows_what_the_guard_says_now_and_do_not_contact_holds_it(string culture, bool doNotContact, string shown)
    {
        UseLanguage(culture);
        var id = await OpenMineAsync();
        var promised = await RunAsync<PromiseCallback, Result<Guid>>(p => p.RunAsync(
            id, new PromiseCallback.Request(Clock.GetUtcNow().AddDays(1), "试纸到货后回电"), new StaffActor(UserId, false), CancellationToken.None));
        Assert.True(promised.Succeeded, promised.Failure?.MessageKey);
        if (doNotContact)
        {
            var person = await WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.PersonId).SingleAsync());
            var stopped = await RunAsync<SetDoNotContact, Result<DoNotContactView>>(d => d.RunAsync(person, new SetDoNotContact.Request("别再打电话"), Unrestricted, CancellationToken.None));
            Assert.True(stopped.Succeeded, stopped.Failure?.MessageKey);
        }

        var page = RenderInLayout<CasePage>(p => p.Add(c => c.Id, id));

        var chip = page.WaitForElement(".case-callback-guard", Wait);
        Assert.Equal(doNotContact ? "false" : "true", chip.GetAttribute("data-allowed"));
        Assert.Contains(shown, chip.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("do-not-contact", page.Find("#case-callbacks").TextContent, StringComparison.Ordinal);
    }

    private async Task<Guid> OpenMineAsync(string? owner = null)
    {
        await WithDbAsync(async db =>
        {
            db.Users.Add(new User { Id = UserId, UserName = $"{UserId}@demo", DisplayName = "王芳" });
            db.Users.Add(new User { Id = Other, UserName = "other@demo", DisplayName = "李强" });
            return await db.SaveChangesAsync();
        });
        var person = await CreatePersonAsync("王建国");
        var opened = await RunAsync<OpenCase, Result<Guid>>(open => open.RunAsync(
            new OpenCase.Request(person, "technical-support", null, "Strips do not fit"), new StaffActor(owner ?? UserId, false), CancellationToken.None));
        Assert.True(opened.Succeeded, opened.Failure?.MessageKey);
        return opened.Value;
    }
}
