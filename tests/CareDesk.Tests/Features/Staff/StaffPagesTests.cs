using Bunit;
using CareDesk.Features.Staff;
using CareDesk.Features.Staff.Pages;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Localization;
using CareDesk.Tests.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Tests.Features.Staff;

/// <summary>The roster week page and the presence selector, on the real use cases and a real SQLite file.</summary>
public sealed class StaffPagesTests : DatabaseComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public StaffPagesTests()
    {
        Services.AddScoped<UserClock>();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    // The context's clock: Monday 2 March 2026, 08:00 UTC; the signed-in user has no zone, so times are UTC.
    private DateTimeOffset Monday => new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("en", "On-call roster", "Nobody on call")]
    [InlineData("zh-CN", "值班表", "无人值班")]
    public async Task Agents_see_the_week_of_the_experts_roster_read_only(string culture, string title, string nobody)
    {
        UseLanguage(culture);
        var (expert, backup) = (await UserAsync("Expert Zhang"), await UserAsync("Supervisor Li"));
        await ShiftAsync(Monday.AddDays(1).AddHours(20), Monday.AddDays(2).AddHours(8), expert, backup);

        var page = RenderInLayout<RosterPage>();

        var tuesday = page.WaitForElement(".roster-day[data-day='2026-03-03'] .roster-shift", Wait);
        Assert.Equal("Expert Zhang", tuesday.QuerySelector(".roster-primary")!.TextContent);
        Assert.Contains("Supervisor Li", tuesday.QuerySelector(".roster-backups")!.TextContent, StringComparison.Ordinal);
        // The night crosses midnight: Wednesday shows it too.
        Assert.NotNull(page.Find(".roster-day[data-day='2026-03-04'] .roster-shift"));
        Assert.Contains(nobody, page.Find(".roster-day[data-day='2026-03-02']").TextContent, StringComparison.Ordinal);
        Assert.Contains(title, page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#roster-form"));
        Assert.Empty(page.FindAll(".roster-edit"));
    }

    [Theory]
    [InlineData("en", "This team already has someone on call then.")]
    [InlineData("zh-CN", "该团队在此时段已有值班安排。")]
    public async Task A_supervisor_adds_a_shift_with_ordered_backups_and_an_overlapping_one_is_refused(string culture, string overlap)
    {
        UseLanguage(culture);
        SignInAs(Roles.Supervisor);
        var (expert, first, second) = (await UserAsync("Expert Wang", TeamSeeder.Experts), await UserAsync("Backup One"), await UserAsync("Backup Two"));
        var page = RenderInLayout<RosterPage>();
        page.WaitForElement("#roster-form", Wait);

        page.Find("#roster-starts").Change("2026-03-04T20:00");
        page.Find("#roster-ends").Change("2026-03-05T08:00");
        Choose(page, "roster-primary", expert);
        Choose(page, "roster-backup", second);
        page.Find("#roster-backup-add").Click();
        Choose(page, "roster-backup", first);
        page.Find("#roster-backup-add").Click();
        page.Find("#roster-save").Click();

        var shift = page.WaitForElement(".roster-day[data-day='2026-03-04'] .roster-shift", Wait);
        Assert.Equal("Expert Wang", shift.QuerySelector(".roster-primary")!.TextContent);
        Assert.Equal("→ Backup Two → Backup One", shift.QuerySelector(".roster-backups")!.TextContent.Trim());
        var stored = await WithDbAsync(db => db.OnCallShifts.SingleAsync(s => s.PrimaryUserId == expert));
        Assert.Equal([second, first], stored.BackupUserIds);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 20, 0, 0, TimeSpan.Zero), stored.StartsAt);

        page.Find("#roster-starts").Change("2026-03-05T06:00");
        page.Find("#roster-ends").Change("2026-03-05T12:00");
        Choose(page, "roster-primary", first);
        page.Find("#roster-save").Click();

        var error = page.WaitForElement("#roster-error", Wait);
        Assert.Equal((overlap, "startsAt"), (error.TextContent.Trim(), error.GetAttribute("data-field")));
        Assert.Single(page.FindAll(".roster-day[data-day='2026-03-05'] .roster-shift"));
    }

    [Fact]
    public async Task A_shift_changed_meanwhile_is_shown_as_a_conflict_with_the_other_change_loaded()
    {
        UseLanguage("en");
        SignInAs(Roles.Supervisor);
        var (expert, other) = (await UserAsync("Expert Wu"), await UserAsync("Expert Zhao"));
        var id = await ShiftAsync(Monday.AddDays(2).AddHours(8), Monday.AddDays(2).AddHours(20), expert);
        var page = RenderInLayout<RosterPage>();
        page.WaitForElement(".roster-edit", Wait).Click();

        // Another supervisor moves it to someone else first.
        await WithDbAsync(async db =>
        {
            var shift = await db.OnCallShifts.SingleAsync(s => s.Id == id);
            shift.PrimaryUserId = other;
            shift.Version = Guid.NewGuid();
            return await db.SaveChangesAsync();
        });
        page.Find("#roster-ends").Change("2026-03-04T22:00");
        page.Find("#roster-save").Click();

        Assert.Equal("Someone else changed this shift meanwhile.", page.WaitForElement("#roster-error", Wait).TextContent.Trim());
        Assert.Equal("Expert Zhao", page.Find(".roster-primary").TextContent);
        Assert.Equal("2026-03-04T20:00", page.Find("#roster-ends").GetAttribute("value"));
        Assert.Equal(Monday.AddDays(2).AddHours(20), await WithDbAsync(db => db.OnCallShifts.Where(s => s.Id == id).Select(s => s.EndsAt).SingleAsync()));
    }

    [Theory]
    [InlineData("en", "Off shift", "Away")]
    [InlineData("zh-CN", "非当班", "离开")]
    public async Task The_presence_selector_shows_off_shift_outside_a_shift_and_saves_the_users_choice(string culture, string offShift, string away)
    {
        UseLanguage(culture);
        await UserAsync("Test Agent", id: UserId);
        // The push to supervisors is awaited, not slept for.
        var pushed = new TaskCompletionSource<PresenceChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = Services.GetRequiredService<PresenceHub>().Subscribe(PresenceHub.Supervisors, change =>
        {
            if (change.UserId == UserId && change.Presence == "away")
            {
                pushed.TrySetResult(change);
            }

            return Task.CompletedTask;
        });
        var selector = RenderInLayout<PresenceSelector>();

        var shown = selector.WaitForElement(".presence-selector", Wait);
        Assert.Equal("off-shift", shown.GetAttribute("data-presence"));
        Assert.Contains(offShift, selector.Markup, StringComparison.Ordinal);

        Choose(selector, "presence-select", "away");

        selector.WaitForAssertion(() => Assert.Equal("away", selector.Find(".presence-selector").GetAttribute("data-presence")), Wait);
        Assert.Contains(away, selector.Markup, StringComparison.Ordinal);
        Assert.Equal("away", await WithDbAsync(db => db.StaffPresence.Where(p => p.UserId == UserId).Select(p => p.Status).SingleAsync()));
        Assert.Equal("away", (await pushed.Task.WaitAsync(Wait)).Presence);
    }

    private Task<string> UserAsync(string name, string? team = null, string? id = null) =>
        WithDbAsync(async db =>
        {
            var user = new User { Id = id ?? Guid.NewGuid().ToString(), UserName = $"{Guid.NewGuid():N}@test", Email = $"{Guid.NewGuid():N}@test", DisplayName = name };
            db.Users.Add(user);
            if (team is not null)
            {
                if (!await db.Teams.AnyAsync(t => t.Id == team))
                {
                    db.Teams.Add(new Team { Id = team, Name = team });
                }

                db.TeamMembers.Add(new TeamMember { TeamId = team, UserId = user.Id });
            }

            await db.SaveChangesAsync();
            return user.Id;
        });

    private Task<Guid> ShiftAsync(DateTimeOffset start, DateTimeOffset end, string primary, params string[] backups) =>
        WithDbAsync(async db =>
        {
            if (!await db.Teams.AnyAsync(t => t.Id == TeamSeeder.Experts))
            {
                db.Teams.Add(new Team { Id = TeamSeeder.Experts, Name = "On-duty experts", NameZh = "值班专家" });
            }

            var shift = new OnCallShift { TeamId = TeamSeeder.Experts, StartsAt = start, EndsAt = end, PrimaryUserId = primary, BackupUserIds = [.. backups] };
            db.OnCallShifts.Add(shift);
            await db.SaveChangesAsync();
            return shift.Id;
        });
}
