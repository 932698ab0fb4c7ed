using Bunit;
using CareDesk.Features.Cases;
using CareDesk.Features.Contacts;
using CareDesk.Features.Desk;
using CareDesk.Features.Desk.Pages;
using CareDesk.Features.Staff;
using CareDesk.Platform.Identity;
using CareDesk.Tests.Components;

namespace CareDesk.Tests.Features.Desk;

/// <summary>The home page is the agent's desk: what needs me now; for supervisors, also where every queue stands.</summary>
public sealed class DeskPageTests : DatabaseComponentContext
{
    public DeskPageTests() => Services.AddDesk();

    [Theory]
    [InlineData("zh-CN", "我的工单（2）", "电话", "呼入", "今天没有要回的电话。")]
    [InlineData("en", "My cases (2)", "Phone", "Inbound", "No callbacks due today.")]
    public async Task An_agent_sees_their_cases_by_due_time_todays_callbacks_and_recent_contacts_without_the_supervisors_part(
        string culture, string mine, string channel, string direction, string noCallbacks)
    {
        UseLanguage(culture);
        var (person, now) = await ArrangeAsync();
        var later = await AddCaseAsync(person, "Strips do not fit", UserId, null, now.AddHours(5));
        var sooner = await AddCaseAsync(person, "Pump occlusion alarm", UserId, null, now.AddMinutes(20));
        await AddCaseAsync(person, "Someone else's", null, "quality", now.AddMinutes(1));
        await WithDbAsync(async db =>
        {
            db.Contacts.Add(new Contact { PersonId = person, Channel = CareDesk.Features.People.ContactChannel.Phone, Direction = ContactDirection.Inbound, Source = "test", AgentUserId = UserId, StartedAt = now.AddMinutes(-3) });
            await db.SaveChangesAsync();
            return true;
        });

        var page = Render<DeskPage>();

        page.WaitForAssertion(() => Assert.Equal(mine, page.Find("#desk-mine h6").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.Equal([sooner.ToString(), later.ToString()], page.FindAll("#desk-mine .case-row").Select(r => r.GetAttribute("data-case-id")));
        Assert.Equal(noCallbacks, page.Find("#desk-callbacks .desk-empty").TextContent.Trim());
        var contact = page.Find("#desk-contacts .desk-contact").TextContent;
        Assert.Contains("王建国", contact, StringComparison.Ordinal);
        Assert.Contains(channel, contact, StringComparison.Ordinal);
        Assert.Contains(direction, contact, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#desk-supervision"));
    }

    [Fact]
    public async Task A_callback_due_today_is_on_the_desk_and_one_due_tomorrow_is_not()
    {
        UseLanguage("en");
        var (person, now) = await ArrangeAsync();
        var today = await AddCaseAsync(person, "Call back today", UserId, null, now.AddHours(1));
        var tomorrow = await AddCaseAsync(person, "Call back tomorrow", UserId, null, now.AddHours(2));
        await WithDbAsync(async db =>
        {
            db.Callbacks.Add(new Callback { CaseId = today, OwnerUserId = UserId, DueAt = now.AddHours(3), Status = CallbackStatus.Pending, PromisedBy = UserId, PromisedAt = now });
            db.Callbacks.Add(new Callback { CaseId = tomorrow, OwnerUserId = UserId, DueAt = now.AddDays(1), Status = CallbackStatus.Pending, PromisedBy = UserId, PromisedAt = now });
            await db.SaveChangesAsync();
            return true;
        });

        var page = Render<DeskPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("#desk-callbacks .desk-callback")), TimeSpan.FromSeconds(10));
        Assert.Contains("Call back today", page.Find("#desk-callbacks").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Call back tomorrow", page.Find("#desk-callbacks").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "质量部", "有风险的工单")]
    [InlineData("en", "Quality", "Cases at risk")]
    public async Task A_supervisor_also_sees_each_queue_with_its_counts_and_the_cases_at_risk(string culture, string quality, string atRisk)
    {
        UseLanguage(culture);
        SignInAs(Roles.Supervisor);
        var (person, now) = await ArrangeAsync();
        var breached = await AddCaseAsync(person, "Refund not received", null, "quality", now.AddHours(-2));
        await AddCaseAsync(person, "Meter shows E-3", null, "quality", now.AddHours(4));

        var page = Render<DeskPage>();

        var row = page.WaitForElement("#desk-queues .desk-queue[data-team-id='quality']", TimeSpan.FromSeconds(10));
        Assert.Equal(quality, row.QuerySelector("td")!.TextContent.Trim());
        Assert.Equal(("2", "0", "1"), (row.QuerySelector(".desk-queue-open")!.TextContent.Trim(), row.QuerySelector(".desk-queue-warning")!.TextContent.Trim(),
            row.QuerySelector(".desk-queue-breached")!.TextContent.Trim()));
        Assert.Equal("work?team=quality&serviceLevel=breached", row.QuerySelector(".desk-queue-breached a")!.GetAttribute("href"));
        Assert.Equal(atRisk, page.Find("#desk-at-risk h6").TextContent.Trim());
        Assert.Equal([breached.ToString()], page.FindAll("#desk-at-risk .case-row").Select(r => r.GetAttribute("data-case-id")));
    }

    private async Task<(Guid Person, DateTimeOffset Now)> ArrangeAsync()
    {
        var person = await CreatePersonAsync("王建国");
        await WithDbAsync(async db =>
        {
            db.Users.Add(new User { Id = UserId, UserName = $"{UserId}@example.test", Email = $"{UserId}@example.test", DisplayName = "王芳" });
            db.Teams.Add(new Team { Id = "quality", Name = "Quality", NameZh = "质量部", IsDepartment = true });
            await db.SaveChangesAsync();
            return true;
        });
        return (person, Clock.GetUtcNow());
    }

    /// <summary>An open case with a running first-response clock due at <paramref name="due"/> (breached when past).</summary>
    private Task<Guid> AddCaseAsync(Guid person, string subject, string? ownerUserId, string? ownerTeamId, DateTimeOffset due) =>
        WithDbAsync(async db =>
        {
            var now = Clock.GetUtcNow();
            var opened = new Case
            {
                Number = CaseNumbers.New(),
                PersonId = person,
                Subject = subject,
                Status = CaseStatus.New,
                OwnerUserId = ownerUserId,
                OwnerTeamId = ownerTeamId,
                OpenedBy = UserId,
                OpenedAt = now.AddHours(-1),
                UpdatedAt = now,
                LastActivityAt = now,
                ServicePolicyId = Guid.NewGuid(),
                FirstResponseTarget = TimeSpan.FromHours(8),
                FirstResponseDueAt = due,
                FirstResponseWarnAt = due.AddHours(-1),
                NextDueAt = due,
            };
            db.Cases.Add(opened);
            await db.SaveChangesAsync();
            return opened.Id;
        });
}
