using CareDesk.Features.Cases;
using CareDesk.Features.Staff;
using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Scheduling;
using CareDesk.Tests.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Tests.Features.Cases;

/// <summary>
/// The rules of a case's life (F11) run through the real use cases on SQLite: status changes (resolve with a
/// resolution, close only a resolved case, reopen with a reason) and handoffs (with a note, to exactly one owner).
/// </summary>
public sealed class CaseLifecycleTests : DatabaseComponentContext
{
    private const string Queue = "first-line";
    private const string Repair = "repair";
    private static readonly StaffActor Actor = new("bunit", OwnCustomersOnly: false);

    // The host registers the timers as a singleton over the scoped context factory; bUnit's provider validates
    // scopes and refuses that, so here they live per scope (they hold no state between use cases).
    public CaseLifecycleTests() => Services.AddScoped<DurableTimers>();

    private async Task<Guid> OpenAsync()
    {
        await WithDbAsync(async db =>
        {
            if (!await db.Teams.AnyAsync())
            {
                db.Teams.Add(new Team { Id = Queue, Name = "First line", CreatedAt = Clock.GetUtcNow() });
                db.Teams.Add(new Team { Id = Repair, Name = "Repair", IsDepartment = true, CreatedAt = Clock.GetUtcNow() });
                await db.SaveChangesAsync();
            }

            return true;
        });
        var person = await CreatePersonAsync("王建国");
        var opened = await RunAsync<OpenCase, Result<Guid>>(open => open.RunAsync(
            new OpenCase.Request(person, "technical-support", null, "Pump alarm", OwnerTeam: Queue), Actor, CancellationToken.None));
        Assert.True(opened.Succeeded, opened.Failure?.MessageKey);
        return opened.Value;
    }

    private Task<Result<Guid>> ChangeAsync(Guid id, string status, string? resolution = null, string? note = null, string? version = null) =>
        RunAsync<ChangeCaseStatus, Result<Guid>>(change => change.RunAsync(
            id, new ChangeCaseStatus.Request(status, resolution, note, version), Actor, CancellationToken.None));

    private Task<Result<Guid>> HandOffAsync(Guid id, string? toUser, string? toTeam, string note = "Meter replaced; please check the pump.") =>
        RunAsync<HandOffCase, Result<Guid>>(handOff => handOff.RunAsync(
            id, new HandOffCase.Request(toUser, toTeam, note), Actor, CancellationToken.None));

    private Task<Case> StoredAsync(Guid id) => WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == id));

    private Task<List<CaseEntry>> EntriesAsync(Guid id, CaseEntryKind kind) =>
        WithDbAsync(db => db.CaseEntries.AsNoTracking().Where(e => e.CaseId == id && e.Kind == kind).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync());

    private static void AssertInvalid(Result<Guid> result, string field, string messageKey)
    {
        Assert.False(result.Succeeded);
        Assert.Equal((FailureKind.Invalid, field, messageKey), (result.Failure!.Kind, result.Failure.Field, result.Failure.MessageKey));
    }

    [Fact]
    public async Task An_unknown_status_is_refused_naming_the_field()
    {
        var id = await OpenAsync();

        AssertInvalid(await ChangeAsync(id, "done"), "status", "Case.StatusInvalid");
        AssertInvalid(await ChangeAsync(id, "Resolved", "Fixed"), "status", "Case.StatusInvalid");
    }

    [Fact]
    public async Task Resolving_needs_a_resolution_and_records_it_trimmed_with_the_time()
    {
        var id = await OpenAsync();

        AssertInvalid(await ChangeAsync(id, "resolved"), "resolution", "Case.ResolutionRequired");
        AssertInvalid(await ChangeAsync(id, "resolved", "   "), "resolution", "Case.ResolutionRequired");
        Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await ChangeAsync(id, "resolved", "  New sensor sent.  ", note: "ignored")).Succeeded);

        var stored = await StoredAsync(id);
        Assert.Equal((CaseStatus.Resolved, "New sensor sent.", (DateTimeOffset?)Clock.GetUtcNow()), (stored.Status, stored.Resolution, stored.ResolvedAt));
        Assert.False(stored.IsOpen);
        var entry = Assert.Single(await EntriesAsync(id, CaseEntryKind.StatusChanged));
        Assert.Equal((CaseStatus.Resolved, "New sensor sent.", Clock.GetUtcNow()), (entry.Status, entry.Text, entry.At));
    }

    [Fact]
    public async Task Only_a_resolved_case_can_be_closed()
    {
        var id = await OpenAsync();

        AssertInvalid(await ChangeAsync(id, "closed"), "status", "Case.CloseOnlyResolved");
        Assert.True((await ChangeAsync(id, "in-progress")).Succeeded);
        AssertInvalid(await ChangeAsync(id, "closed"), "status", "Case.CloseOnlyResolved");
        Assert.True((await ChangeAsync(id, "resolved", "Fixed")).Succeeded);
        Clock.Advance(TimeSpan.FromDays(1));
        Assert.True((await ChangeAsync(id, "closed")).Succeeded);

        var stored = await StoredAsync(id);
        Assert.Equal((CaseStatus.Closed, (DateTimeOffset?)Clock.GetUtcNow()), (stored.Status, stored.ClosedAt));
        Assert.False(stored.IsOpen);
    }

    [Fact]
    public async Task No_case_goes_back_to_new()
    {
        var id = await OpenAsync();
        Assert.True((await ChangeAsync(id, "in-progress")).Succeeded);

        AssertInvalid(await ChangeAsync(id, "new"), "status", "Case.CannotBecomeNew");
        Assert.Equal(CaseStatus.InProgress, (await StoredAsync(id)).Status);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reopening_needs_a_reason_counts_the_reopening_and_clears_the_resolution_times(bool closedFirst)
    {
        var id = await OpenAsync();
        Assert.True((await ChangeAsync(id, "resolved", "Fixed")).Succeeded);
        if (closedFirst)
        {
            Assert.True((await ChangeAsync(id, "closed")).Succeeded);
        }

        AssertInvalid(await ChangeAsync(id, "in-progress"), "note", "Case.ReopenNoteRequired");
        AssertInvalid(await ChangeAsync(id, "waiting-on-customer", note: " "), "note", "Case.ReopenNoteRequired");
        Assert.True((await ChangeAsync(id, "in-progress", note: "  Alarm is back.  ")).Succeeded);

        var stored = await StoredAsync(id);
        Assert.Equal((CaseStatus.InProgress, 1, (DateTimeOffset?)null, (DateTimeOffset?)null), (stored.Status, stored.ReopenCount, stored.ResolvedAt, stored.ClosedAt));
        Assert.True(stored.IsOpen);
        Assert.Equal("Alarm is back.", (await EntriesAsync(id, CaseEntryKind.StatusChanged))[^1].Text);
    }

    [Fact]
    public async Task Moving_between_open_statuses_needs_no_reason_and_is_no_reopening()
    {
        var id = await OpenAsync();

        Assert.True((await ChangeAsync(id, "in-progress", note: "  ")).Succeeded);
        Assert.True((await ChangeAsync(id, "waiting-on-customer")).Succeeded);
        Assert.True((await ChangeAsync(id, "in-progress", note: "Customer called back.")).Succeeded);

        var stored = await StoredAsync(id);
        Assert.Equal((CaseStatus.InProgress, 0), (stored.Status, stored.ReopenCount));
        var texts = (await EntriesAsync(id, CaseEntryKind.StatusChanged)).Select(e => (e.Status, e.Text)).ToList();
        Assert.Equal([(CaseStatus.InProgress, null), (CaseStatus.WaitingOnCustomer, null), (CaseStatus.InProgress, "Customer called back.")], texts);
    }

    [Fact]
    public async Task Setting_the_status_a_case_already_has_changes_nothing()
    {
        var id = await OpenAsync();
        Assert.True((await ChangeAsync(id, "in-progress")).Succeeded);
        var before = await StoredAsync(id);

        Assert.Equal(id, (await ChangeAsync(id, "in-progress", note: "again")).Value);

        Assert.Equal(before.Version, (await StoredAsync(id)).Version);
        Assert.Single(await EntriesAsync(id, CaseEntryKind.StatusChanged));
    }

    [Fact]
    public async Task A_change_at_an_older_version_is_a_conflict_and_an_unreadable_version_names_the_field()
    {
        var id = await OpenAsync();
        var read = (await StoredAsync(id)).Version;
        Assert.True((await ChangeAsync(id, "in-progress", version: read.ToString())).Succeeded);

        var stale = await ChangeAsync(id, "waiting-on-customer", version: read.ToString());
        Assert.Equal((FailureKind.Conflict, "Case.Conflict"), (stale.Failure!.Kind, stale.Failure.MessageKey));
        AssertInvalid(await ChangeAsync(id, "waiting-on-customer", version: "v1"), "version", "Case.VersionInvalid");
        Assert.Equal(CaseStatus.InProgress, (await StoredAsync(id)).Status);
    }

    [Fact]
    public async Task A_merged_case_keeps_its_status()
    {
        var id = await OpenAsync();
        var into = await OpenAsync();
        await WithDbAsync(db => db.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.MergedIntoCaseId, into)));

        AssertInvalid(await ChangeAsync(id, "in-progress"), "status", "Case.Merged");
    }

    [Fact]
    public async Task A_handoff_gives_the_case_to_the_new_owner_and_records_both_owners_and_the_note()
    {
        var id = await OpenAsync();

        Assert.True((await HandOffAsync(id, null, Repair, "  Replace the sensor.  ")).Succeeded);

        var stored = await StoredAsync(id);
        Assert.Equal(CaseOwner.Team(Repair), stored.Owner);
        var entry = Assert.Single(await EntriesAsync(id, CaseEntryKind.Handoff));
        Assert.Equal(("team:first-line", "team:repair", "Replace the sensor.", "bunit"), (entry.FromOwner, entry.ToOwner, entry.Text, entry.ActorUserId));
    }

    [Fact]
    public async Task A_handoff_to_an_enabled_user_makes_them_owner_and_a_disabled_or_unknown_one_is_refused()
    {
        var id = await OpenAsync();
        await WithDbAsync(async db =>
        {
            db.Users.Add(new User { Id = "expert-1", UserName = "expert-1@demo", DisplayName = "Expert" });
            db.Users.Add(new User { Id = "gone-1", UserName = "gone-1@demo", DisplayName = "Gone", IsDisabled = true });
            return await db.SaveChangesAsync();
        });

        AssertInvalid(await HandOffAsync(id, "gone-1", null), "toUserId", "Case.UserDisabled");
        AssertInvalid(await HandOffAsync(id, "nobody", null), "toUserId", "Case.UserNotFound");
        Assert.True((await HandOffAsync(id, "expert-1", null)).Succeeded);

        Assert.Equal(CaseOwner.User("expert-1"), (await StoredAsync(id)).Owner);
        Assert.Equal("user:expert-1", Assert.Single(await EntriesAsync(id, CaseEntryKind.Handoff)).ToOwner);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_handoff_without_a_note_is_refused(string note)
    {
        var id = await OpenAsync();

        AssertInvalid(await HandOffAsync(id, null, Repair, note), "note", "Case.HandoffNoteRequired");
        Assert.Equal(CaseOwner.Team(Queue), (await StoredAsync(id)).Owner);
    }

    [Fact]
    public async Task A_handoff_names_exactly_one_new_owner_that_exists_and_is_not_the_current_one()
    {
        var id = await OpenAsync();

        AssertInvalid(await HandOffAsync(id, null, null), "toUserId", "Case.OwnerExactlyOne");
        AssertInvalid(await HandOffAsync(id, " ", "  "), "toUserId", "Case.OwnerExactlyOne");
        AssertInvalid(await HandOffAsync(id, "expert-1", Repair), "toTeam", "Case.OwnerExactlyOne");
        AssertInvalid(await HandOffAsync(id, null, "no-such-team"), "toTeam", "Case.TeamNotFound");
        AssertInvalid(await HandOffAsync(id, null, Queue), "toTeam", "Case.AlreadyOwner");
        Assert.Empty(await EntriesAsync(id, CaseEntryKind.Handoff));
    }

    [Fact]
    public async Task A_resolved_case_is_not_handed_off()
    {
        var id = await OpenAsync();
        Assert.True((await ChangeAsync(id, "resolved", "Fixed")).Succeeded);

        AssertInvalid(await HandOffAsync(id, null, Repair), "status", "Case.NotOpen");
    }

    [Fact]
    public async Task A_field_rep_cannot_change_a_case_of_a_customer_not_assigned_to_them()
    {
        var id = await OpenAsync();

        var denied = await RunAsync<ChangeCaseStatus, Result<Guid>>(change => change.RunAsync(
            id, new ChangeCaseStatus.Request("in-progress"), new StaffActor("rep-1", OwnCustomersOnly: true), CancellationToken.None));

        Assert.Equal((FailureKind.Forbidden, "Case.Forbidden"), (denied.Failure!.Kind, denied.Failure.MessageKey));
        Assert.Equal(CaseStatus.New, (await StoredAsync(id)).Status);
    }

    [Fact]
    public async Task A_field_rep_changes_a_case_of_a_customer_assigned_to_them()
    {
        var id = await OpenAsync();
        var person = (await StoredAsync(id)).PersonId;
        await WithDbAsync(db => db.People.Where(p => p.Id == person).ExecuteUpdateAsync(s => s.SetProperty(p => p.AssignedFieldRepId, "rep-1")));

        var changed = await RunAsync<ChangeCaseStatus, Result<Guid>>(change => change.RunAsync(
            id, new ChangeCaseStatus.Request("in-progress"), new StaffActor("rep-1", OwnCustomersOnly: true), CancellationToken.None));

        Assert.True(changed.Succeeded, changed.Failure?.MessageKey);
        Assert.Equal(CaseStatus.InProgress, (await StoredAsync(id)).Status);
    }

    [Fact]
    public async Task A_case_for_an_unknown_person_is_refused_naming_the_person()
    {
        var opened = await RunAsync<OpenCase, Result<Guid>>(open => open.RunAsync(
            new OpenCase.Request(Guid.NewGuid(), "question", null, "Where is my order?"), Actor, CancellationToken.None));

        AssertInvalid(opened, "personId", "Case.PersonNotFound");
    }

    [Fact]
    public async Task An_unknown_case_is_not_found()
    {
        var missing = await ChangeAsync(Guid.NewGuid(), "in-progress");

        Assert.Equal((FailureKind.NotFound, "Case.NotFound"), (missing.Failure!.Kind, missing.Failure.MessageKey));
    }
}
