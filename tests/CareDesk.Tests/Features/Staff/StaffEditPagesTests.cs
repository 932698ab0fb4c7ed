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

/// <summary>Editing a user's skills on the staff page and a single work shift on the shifts page, on the real use cases and a real SQLite file.</summary>
public sealed class StaffEditPagesTests : DatabaseComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public StaffEditPagesTests()
    {
        Services.AddScoped<UserClock>();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        SignInAs(Roles.Supervisor);
    }

    // The context's clock: Monday 2 March 2026, 08:00 UTC; the signed-in user has no zone, so times are UTC.
    private static DateTimeOffset Monday => new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("en", "Not a language code (e.g. zh, en, yue).", "Someone else changed these skills meanwhile.")]
    [InlineData("zh-CN", "不是有效的语言代码（如 zh、en、yue）。", "其他人刚刚修改了这些技能。")]
    public async Task A_supervisor_records_skills_sees_the_bad_field_and_a_change_made_meanwhile(string culture, string badLanguage, string conflict)
    {
        UseLanguage(culture);
        var agent = await UserAsync("Agent Chen");
        var page = RenderInLayout<StaffPage>();

        page.WaitForElement($".staff-member[data-user-id='{agent}'] .skills-edit", Wait).Click();
        page.Find("#skills-languages").Change("zh, YUE");
        page.Find("#skills-products").Change("roche");
        Choose(page, "skills-tier", "2");
        page.Find("#skills-save").Click();

        page.WaitForElement("#skills-notice", Wait);
        Assert.Empty(page.FindAll("#skills-form"));
        var stored = await WithDbAsync(db => db.StaffSkills.SingleAsync(s => s.UserId == agent));
        Assert.Equal(["zh", "yue"], stored.Languages);
        Assert.Equal(["roche"], stored.Products);
        Assert.Equal(2, stored.Tier);
        // The skills read as languages, not their codes.
        Assert.Contains(culture == "en" ? "Chinese, Cantonese" : "中文、粤语", page.Find($".staff-member[data-user-id='{agent}']").TextContent, StringComparison.Ordinal);

        // A bad language names the field and keeps the form as typed.
        page.Find($".staff-member[data-user-id='{agent}'] .skills-edit").Click();
        page.Find("#skills-languages").Change("zh, 9x");
        page.Find("#skills-save").Click();
        var error = page.WaitForElement("#skills-error", Wait);
        Assert.Equal((badLanguage, "languages[1]"), (error.TextContent.Trim(), error.GetAttribute("data-field")));
        Assert.Equal(["zh", "yue"], await WithDbAsync(db => db.StaffSkills.Where(s => s.UserId == agent).Select(s => s.Languages).SingleAsync()));

        // Another supervisor changes them first: the conflict is shown and the form loads their change.
        await WithDbAsync(async db =>
        {
            var skills = await db.StaffSkills.SingleAsync(s => s.UserId == agent);
            skills.Languages = ["en"];
            skills.Version = Guid.NewGuid();
            return await db.SaveChangesAsync();
        });
        page.Find("#skills-languages").Change("zh");
        page.Find("#skills-save").Click();

        page.WaitForAssertion(() => Assert.Equal(conflict, page.Find("#skills-error").TextContent.Trim()), Wait);
        Assert.Equal("en", page.Find("#skills-languages").GetAttribute("value"));
        Assert.Equal(["en"], await WithDbAsync(db => db.StaffSkills.Where(s => s.UserId == agent).Select(s => s.Languages).SingleAsync()));

        // Saved again on the version now read, it holds.
        page.Find("#skills-languages").Change("en, zh");
        page.Find("#skills-save").Click();
        page.WaitForElement("#skills-notice", Wait);
        Assert.Equal(["en", "zh"], await WithDbAsync(db => db.StaffSkills.Where(s => s.UserId == agent).Select(s => s.Languages).SingleAsync()));
    }

    [Theory]
    [InlineData("en", "This person already works a shift that overlaps this one.", "Someone else changed this work shift meanwhile.")]
    [InlineData("zh-CN", "此人已有与此重叠的班次。", "其他人刚刚修改了这个班次。")]
    public async Task A_supervisor_moves_a_work_shift_is_refused_an_overlap_and_sees_a_change_made_meanwhile(string culture, string overlap, string conflict)
    {
        UseLanguage(culture);
        var agent = await UserAsync("Agent Sun", TeamSeeder.FrontLine);
        var tuesday = await WorkShiftAsync(agent, Monday.AddDays(1).AddHours(8), Monday.AddDays(1).AddHours(20));
        var wednesday = await WorkShiftAsync(agent, Monday.AddDays(2).AddHours(8), Monday.AddDays(2).AddHours(20));
        var page = RenderInLayout<ShiftsPage>();

        page.WaitForElement($".work-shift[data-shift-id='{tuesday}'] .work-shift-edit", Wait).Click();
        Assert.Equal("2026-03-03T20:00", page.Find("#shift-ends").GetAttribute("value"));
        page.Find("#shift-starts").Change("2026-03-03T20:00");
        page.Find("#shift-ends").Change("2026-03-04T09:00");
        page.Find("#shift-save").Click();

        var error = page.WaitForElement("#shifts-error", Wait);
        Assert.Equal((overlap, "startsAt"), (error.TextContent.Trim(), error.GetAttribute("data-field")));
        Assert.Equal(Monday.AddDays(1).AddHours(20), await EndsAtAsync(tuesday));

        page.Find("#shift-starts").Change("2026-03-03T08:00");
        page.Find("#shift-ends").Change("2026-03-03T22:00");
        page.Find("#shift-save").Click();

        page.WaitForElement("#shifts-notice", Wait);
        Assert.Empty(page.FindAll("#shift-form"));
        Assert.Equal(Monday.AddDays(1).AddHours(22), await EndsAtAsync(tuesday));
        Assert.Equal("custom", page.Find($".work-shift[data-shift-id='{tuesday}']").GetAttribute("data-kind"));

        // Another supervisor moves Wednesday's shift first: the conflict is shown and the form loads their change.
        page.Find($".work-shift[data-shift-id='{wednesday}'] .work-shift-edit").Click();
        await WithDbAsync(async db =>
        {
            var shift = await db.WorkShifts.SingleAsync(s => s.Id == wednesday);
            shift.EndsAt = Monday.AddDays(2).AddHours(18);
            shift.Version = Guid.NewGuid();
            return await db.SaveChangesAsync();
        });
        page.Find("#shift-starts").Change("2026-03-04T09:00");
        page.Find("#shift-save").Click();

        page.WaitForAssertion(() => Assert.Equal(conflict, page.Find("#shifts-error").TextContent.Trim()), Wait);
        Assert.Equal("2026-03-04T18:00", page.Find("#shift-ends").GetAttribute("value"));
        Assert.Equal(Monday.AddDays(2).AddHours(18), await EndsAtAsync(wednesday));

        // Removing the shift being edited closes the form.
        page.Find($".work-shift[data-shift-id='{wednesday}'] .work-shift-remove").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll($".work-shift[data-shift-id='{wednesday}']")), Wait);
        Assert.Empty(page.FindAll("#shift-form"));
        Assert.False(await WithDbAsync(db => db.WorkShifts.AnyAsync(s => s.Id == wednesday)));
    }

    private Task<DateTimeOffset> EndsAtAsync(Guid shift) =>
        WithDbAsync(db => db.WorkShifts.Where(s => s.Id == shift).Select(s => s.EndsAt).SingleAsync());

    private Task<string> UserAsync(string name, string? team = null) =>
        WithDbAsync(async db =>
        {
            var user = new User { Id = Guid.NewGuid().ToString(), UserName = $"{Guid.NewGuid():N}@test", Email = $"{Guid.NewGuid():N}@test", DisplayName = name };
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

    private Task<Guid> WorkShiftAsync(string user, DateTimeOffset start, DateTimeOffset end) =>
        WithDbAsync(async db =>
        {
            var shift = new WorkShift { UserId = user, TeamId = TeamSeeder.FrontLine, StartsAt = start, EndsAt = end, Kind = WorkShiftKinds.Day };
            db.WorkShifts.Add(shift);
            await db.SaveChangesAsync();
            return shift.Id;
        });
}
