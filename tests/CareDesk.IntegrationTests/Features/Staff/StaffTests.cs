using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Staff;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CareDesk.IntegrationTests.Features.Staff;

/// <summary>A host whose clock the test drives; shifts are in Asia/Shanghai (08:00 day, 20:00 night), the default.</summary>
public sealed class StaffHost : CareDeskFactory
{
    public StaffHost() => Clock = new FakeTimeProvider(new DateTimeOffset(2031, 3, 3, 2, 0, 0, TimeSpan.Zero));
}

/// <summary>F26: skills, work shifts from the two-shift template, who is on shift, presence.</summary>
public sealed class StaffTests : HostPerTest<StaffHost>
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private FakeTimeProvider Clock => App.Clock!;

    [Fact]
    public async Task Supervisors_record_skills_with_versions_agents_may_not_and_bad_ones_name_the_field()
    {
        var (_, user, view) = await App.CreateFreshUserAsync(Roles.Agent);
        var supervisor = await App.CreateClientForRoleAsync(Roles.Supervisor);
        var agent = await App.CreateClientForRoleAsync(Roles.Agent);
        var skills = new { languages = new[] { "zh", "yue" }, products = new[] { "roche", "accu-chek-guide-meter" }, tier = 2, version = (string?)null };

        await (await agent.PutAsJsonAsync($"/api/staff/{view.Id}/skills", skills)).ProblemAsync(HttpStatusCode.Forbidden);
        var first = await (await supervisor.PutAsJsonAsync($"/api/staff/{view.Id}/skills", skills)).ReadAsync<StaffDirectory.SkillsView>();
        Assert.Equal(["zh", "yue"], first.Languages);
        Assert.Equal(2, first.Tier);
        Assert.NotNull(first.Version);

        // A second supervisor who read "no skills yet", and one who read the first version after it changed: both 409.
        await (await supervisor.PutAsJsonAsync($"/api/staff/{view.Id}/skills", skills)).ProblemAsync(HttpStatusCode.Conflict);
        var second = await (await supervisor.PutAsJsonAsync($"/api/staff/{view.Id}/skills", skills with { tier = 3, version = first.Version })).ReadAsync<StaffDirectory.SkillsView>();
        Assert.Equal(3, second.Tier);
        await (await supervisor.PutAsJsonAsync($"/api/staff/{view.Id}/skills", skills with { version = first.Version })).ProblemAsync(HttpStatusCode.Conflict);

        (await (await supervisor.PutAsJsonAsync($"/api/staff/{view.Id}/skills", skills with { tier = 4, version = second.Version })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("tier");
        (await (await supervisor.PutAsJsonAsync($"/api/staff/{view.Id}/skills", skills with { languages = new[] { "zh", "Chinese!" }, version = second.Version })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("languages[1]");
        (await (await supervisor.PutAsJsonAsync($"/api/staff/{view.Id}/skills", skills with { products = new[] { "no-such-maker" }, version = second.Version })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("products[0]");
        await (await supervisor.PutAsJsonAsync("/api/staff/no-such-user/skills", skills)).ProblemAsync(HttpStatusCode.NotFound);

        var staff = await (await agent.GetAsync("/api/staff")).ReadAsync<StaffDirectory.StaffMember[]>();
        var listed = Assert.Single(staff, s => s.UserId == view.Id);
        Assert.Equal((3, second.Version), (listed.Skills.Tier, listed.Skills.Version));
        Assert.Equal(["agent"], listed.Roles);
        Assert.Equal(user.DisplayName, listed.Name);
    }

    [Fact]
    public async Task The_two_shift_template_covers_a_week_day_and_night_in_turn_with_nights_across_midnight()
    {
        var (a, b, c) = (await NewMemberAsync("repair"), await NewMemberAsync("repair"), await NewMemberAsync("repair"));
        var supervisor = await App.CreateClientForRoleAsync(Roles.Supervisor);

        var applied = await (await supervisor.PostAsJsonAsync("/api/shifts/template", new { teamId = "repair", from = "2031-06-02", to = "2031-06-08", userIds = new[] { a, b, c } }))
            .ReadAsync<WorkShifts.ShiftView[]>(HttpStatusCode.Created);

        Assert.Equal(14, applied.Length);
        var firstDay = new DateTimeOffset(2031, 6, 2, 8, 0, 0, Shanghai);
        for (var i = 0; i < 14; i++)
        {
            var shift = applied[i];
            Assert.Equal(firstDay.AddHours(12 * i), shift.StartsAt);
            Assert.Equal(shift.StartsAt.AddHours(12), shift.EndsAt);
            Assert.Equal(i % 2 == 0 ? "day" : "night", shift.Kind);
            Assert.Equal(new[] { a, b, c }[i % 3], shift.UserId);
        }

        // The night of 2 June runs from 20:00 that evening to 08:00 on 3 June, Shanghai time.
        var night = applied[1];
        Assert.Equal((new DateTimeOffset(2031, 6, 2, 20, 0, 0, Shanghai), new DateTimeOffset(2031, 6, 3, 8, 0, 0, Shanghai)), (night.StartsAt, night.EndsAt));
        Assert.All(applied.GroupBy(s => s.UserId), mine => Assert.All(mine.Zip(mine.Skip(1)), pair => Assert.True(pair.First.EndsAt <= pair.Second.StartsAt)));

        var listed = await (await supervisor.GetAsync($"/api/shifts?team=repair&from={Q(firstDay)}&to={Q(firstDay.AddDays(7))}")).ReadAsync<WorkShifts.ShiftView[]>();
        Assert.Equal(applied.Select(s => s.Id), listed.Where(s => s.UserId == a || s.UserId == b || s.UserId == c).Select(s => s.Id));
    }

    [Fact]
    public async Task Overlapping_shifts_are_refused_naming_the_field_and_single_shifts_are_edited_with_versions()
    {
        var (a, b) = (await NewMemberAsync("logistics"), await NewMemberAsync("logistics"));
        var supervisor = await App.CreateClientForRoleAsync(Roles.Supervisor);
        var agent = await App.CreateClientForRoleAsync(Roles.Agent);
        var template = new { teamId = "logistics", from = "2031-07-01", to = "2031-07-03", userIds = new[] { a, b } };
        await (await agent.PostAsJsonAsync("/api/shifts/template", template)).ProblemAsync(HttpStatusCode.Forbidden);
        var applied = await (await supervisor.PostAsJsonAsync("/api/shifts/template", template)).ReadAsync<WorkShifts.ShiftView[]>(HttpStatusCode.Created);

        // Again over the third day: a would work two shifts at once, so nothing is added.
        var again = await (await supervisor.PostAsJsonAsync("/api/shifts/template", template with { from = "2031-07-03", to = "2031-07-04" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("2031-07-03 08:00", again.Errors("from")[0], StringComparison.Ordinal);
        Assert.Equal(6, (await ListAsync(supervisor, "logistics", new DateTimeOffset(2031, 7, 1, 0, 0, 0, Shanghai), 5)).Count(s => s.UserId == a || s.UserId == b));
        (await (await supervisor.PostAsJsonAsync("/api/shifts/template", template with { to = "2031-06-30" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("to");
        (await (await supervisor.PostAsJsonAsync("/api/shifts/template", template with { userIds = new[] { a, "not-a-member" } })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("userIds[1]");

        var day = applied[0];
        var single = new { userId = a, teamId = "logistics", startsAt = day.StartsAt.AddHours(11), endsAt = day.EndsAt.AddHours(2), version = (string?)null };
        (await (await supervisor.PostAsJsonAsync("/api/shifts", single)).ProblemAsync(HttpStatusCode.BadRequest)).Errors("startsAt");
        (await (await supervisor.PostAsJsonAsync("/api/shifts", single with { startsAt = day.StartsAt.AddDays(-2), endsAt = day.StartsAt.AddDays(-0.5) })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("endsAt");
        (await (await supervisor.PostAsJsonAsync("/api/shifts", single with { teamId = "quality" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("userId");
        var added = await (await supervisor.PostAsJsonAsync("/api/shifts", single with { startsAt = day.StartsAt.AddDays(-1), endsAt = day.StartsAt.AddDays(-1).AddHours(6) }))
            .ReadAsync<WorkShifts.ShiftView>(HttpStatusCode.Created);
        Assert.Equal("custom", added.Kind);

        // Move b's first night one hour later: the version read wins once.
        var bNight = applied[1];
        var moved = new { userId = b, teamId = "logistics", startsAt = bNight.StartsAt.AddHours(1), endsAt = bNight.EndsAt, version = bNight.Version };
        var changed = await (await supervisor.PutAsJsonAsync($"/api/shifts/{bNight.Id}", moved)).ReadAsync<WorkShifts.ShiftView>();
        Assert.Equal(bNight.StartsAt.AddHours(1), changed.StartsAt);
        await (await supervisor.PutAsJsonAsync($"/api/shifts/{bNight.Id}", moved)).ProblemAsync(HttpStatusCode.Conflict);
        await (await agent.DeleteAsync($"/api/shifts/{added.Id}")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.DeleteAsync($"/api/shifts/{added.Id}")).StatusCode);
        await (await supervisor.DeleteAsync($"/api/shifts/{added.Id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Who_is_on_shift_follows_the_shifts_including_a_night_after_midnight()
    {
        var (a, b) = (await NewMemberAsync("sales"), await NewMemberAsync("sales"));
        var supervisor = await App.CreateClientForRoleAsync(Roles.Supervisor);
        await (await supervisor.PostAsJsonAsync("/api/shifts/template", new { teamId = "sales", from = "2031-08-04", to = "2031-08-05", userIds = new[] { a, b } }))
            .ReadAsync<WorkShifts.ShiftView[]>(HttpStatusCode.Created);

        async Task<string[]> OnShiftAsync(DateTimeOffset at) =>
            await (await supervisor.GetAsync($"/api/shifts/on-shift?team=sales&at={Q(at)}")).ReadAsync<string[]>();

        Assert.Equal([a], await OnShiftAsync(new DateTimeOffset(2031, 8, 4, 8, 0, 0, Shanghai)));
        Assert.Equal([b], await OnShiftAsync(new DateTimeOffset(2031, 8, 5, 3, 0, 0, Shanghai)));
        Assert.Equal([a], await OnShiftAsync(new DateTimeOffset(2031, 8, 5, 19, 59, 0, Shanghai)));
        Assert.Empty(await OnShiftAsync(new DateTimeOffset(2031, 8, 6, 8, 0, 0, Shanghai)));
        Assert.Empty(await OnShiftAsync(new DateTimeOffset(2031, 8, 4, 7, 59, 0, Shanghai)));

        await using var scope = App.Services.CreateAsyncScope();
        var onShift = scope.ServiceProvider.GetRequiredService<WhoIsOnShift>();
        Assert.True(await onShift.IsOnShiftAsync(b, new DateTimeOffset(2031, 8, 4, 23, 0, 0, Shanghai), CancellationToken.None));
        Assert.False(await onShift.IsOnShiftAsync(a, new DateTimeOffset(2031, 8, 4, 23, 0, 0, Shanghai), CancellationToken.None));
    }

    [Fact]
    public async Task Presence_is_said_by_the_user_shown_to_supervisors_live_and_off_shift_outside_a_shift()
    {
        var userId = await NewMemberAsync("medical");
        var email = await App.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Id == userId).Email!));
        var me = await App.CreateClientForAsync(email, NewUser.DefaultPassword);
        var supervisor = await App.CreateClientForRoleAsync(Roles.Supervisor);
        var hub = App.Services.GetRequiredService<PresenceHub>();
        var pushed = new TaskCompletionSource<PresenceChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = hub.Subscribe(PresenceHub.Supervisors, change =>
        {
            if (change.UserId == userId)
            {
                pushed.TrySetResult(change);
            }

            return Task.CompletedTask;
        });

        // No shift and no choice: off shift.
        Assert.Equal(("off-shift", null, false), Presence(await (await me.GetAsync("/api/staff/me/presence")).ReadAsync<SetPresence.View>()));
        (await (await me.PutAsJsonAsync("/api/staff/me/presence", new { status = "sleeping" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("status");
        var set = await (await me.PutAsJsonAsync("/api/staff/me/presence", new { status = "away" })).ReadAsync<SetPresence.View>();
        Assert.Equal("away", set.Presence);
        Assert.Equal(("away", "away", false), Presence(await (await me.GetAsync("/api/staff/me/presence")).ReadAsync<SetPresence.View>()));
        Assert.Equal("away", (await pushed.Task.WaitAsync(TimeSpan.FromSeconds(10))).Presence);
        var staff = await (await supervisor.GetAsync("/api/staff")).ReadAsync<StaffDirectory.StaffMember[]>();
        Assert.Equal("away", Assert.Single(staff, s => s.UserId == userId).Presence);

        // A shift starting later: the choice holds until it starts, then the user is available; after it, off shift.
        var start = Clock.GetUtcNow().AddHours(1);
        await (await supervisor.PostAsJsonAsync("/api/shifts", new { userId, teamId = "medical", startsAt = start, endsAt = start.AddHours(8) }))
            .ReadAsync<WorkShifts.ShiftView>(HttpStatusCode.Created);
        Assert.Equal("away", (await (await me.GetAsync("/api/staff/me/presence")).ReadAsync<SetPresence.View>()).Presence);
        Clock.Advance(TimeSpan.FromHours(2));
        (me, supervisor) = (await App.CreateClientForAsync(email, NewUser.DefaultPassword), await App.CreateClientForRoleAsync(Roles.Supervisor));
        Assert.Equal(("available", null, true), Presence(await (await me.GetAsync("/api/staff/me/presence")).ReadAsync<SetPresence.View>()));
        var current = Assert.Single(await (await supervisor.GetAsync("/api/staff")).ReadAsync<StaffDirectory.StaffMember[]>(), s => s.UserId == userId);
        Assert.Equal(("available", start), (current.Presence, current.Shift?.StartsAt));
        await (await me.PutAsJsonAsync("/api/staff/me/presence", new { status = "busy" })).ReadAsync<SetPresence.View>();
        Assert.Equal("busy", (await (await me.GetAsync("/api/staff/me/presence")).ReadAsync<SetPresence.View>()).Presence);
        Clock.Advance(TimeSpan.FromHours(8));
        me = await App.CreateClientForAsync(email, NewUser.DefaultPassword);
        Assert.Equal(("off-shift", null, false), Presence(await (await me.GetAsync("/api/staff/me/presence")).ReadAsync<SetPresence.View>()));
    }

    private static (string, string?, bool) Presence(SetPresence.View view) => (view.Presence, view.Chosen, view.OnShift);

    private static string Q(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));

    private static async Task<WorkShifts.ShiftView[]> ListAsync(HttpClient client, string team, DateTimeOffset from, int days) =>
        await (await client.GetAsync($"/api/shifts?team={team}&from={Q(from)}&to={Q(from.AddDays(days))}")).ReadAsync<WorkShifts.ShiftView[]>();

    /// <summary>A fresh agent in <paramref name="team"/> (team membership has no API yet).</summary>
    private async Task<string> NewMemberAsync(string team)
    {
        var (_, _, view) = await App.CreateFreshUserAsync(Roles.Agent);
        await App.WithDbAsync(async db =>
        {
            db.TeamMembers.Add(new TeamMember { TeamId = team, UserId = view.Id });
            return await db.SaveChangesAsync();
        });
        return view.Id;
    }
}
