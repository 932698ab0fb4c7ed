using System.Security.Claims;
using Bunit;
using CareDesk.Features.Cases;
using CareDesk.Features.Complaints;
using CareDesk.Features.Complaints.Pages;
using CareDesk.Features.Contacts;
using CareDesk.Features.Staff;
using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Localization;
using CareDesk.Tests.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Tests.Features.Complaints;

/// <summary>
/// The case page asks the screening question for a contact on the case nobody answered yet (a call the phone system
/// recorded): a yes flags the complaint from the call's start, a no is kept; an answered contact is not asked again.
/// </summary>
public sealed class ContactScreeningListTests : DatabaseComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public ContactScreeningListTests()
    {
        Services.AddScoped<UserClock>();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        SignInAs(Roles.OutsourcedAgent);
    }

    [Theory]
    [InlineData("en", "Not yet screened")]
    [InlineData("zh-CN", "尚未筛查")]
    public async Task A_yes_for_an_unscreened_call_flags_the_complaint_from_the_calls_start(string culture, string asked)
    {
        UseLanguage(culture);
        var (view, callId, callStart) = await CaseWithUnscreenedCallAsync();
        var changed = 0;
        var list = Render<ContactScreeningList>(p => p.Add(c => c.Case, view).Add(c => c.User, User()).Add(c => c.Changed, EventCallback.Factory.Create(this, () => changed++)));

        Assert.Contains(asked, list.Find("#contact-screening-list").TextContent, StringComparison.Ordinal);
        list.Find($".contact-screening[data-contact='{callId}'] .contact-screening-yes").Click();

        list.WaitForAssertion(() => Assert.Equal(1, changed), Wait);
        var complaint = await WithDbAsync(db => db.Set<Complaint>().AsNoTracking().SingleAsync(c => c.CaseId == view.Id));
        Assert.Equal((callStart, callId), (complaint.AwarenessAt, complaint.AwarenessContactId));
        var contact = await WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.Id == callId));
        Assert.Equal((true, UserId), (contact.DeviceProblemAlleged, contact.ScreenedBy));
    }

    [Fact]
    public async Task A_no_is_kept_flags_nothing_and_an_answered_call_is_not_asked_again()
    {
        UseLanguage("zh-CN");
        var (view, callId, _) = await CaseWithUnscreenedCallAsync();
        var list = Render<ContactScreeningList>(p => p.Add(c => c.Case, view).Add(c => c.User, User()));

        list.Find($".contact-screening[data-contact='{callId}'] .contact-screening-no").Click();

        await list.InvokeAsync(() => Task.CompletedTask);
        list.WaitForAssertion(() => Assert.Empty(list.FindAll("#contact-screening-error")), Wait);
        Assert.False(await WithDbAsync(db => db.Contacts.AnyAsync(c => c.Id == callId && c.DeviceProblemAlleged == null)));
        Assert.False(await WithDbAsync(db => db.Set<Complaint>().AnyAsync(c => c.CaseId == view.Id)));
        var reloaded = await RunAsync<GetCase, Result<GetCase.View>>(get => get.RunAsync(view.Id, new StaffActor(UserId, false), CancellationToken.None));
        var again = Render<ContactScreeningList>(p => p.Add(c => c.Case, reloaded.Value!).Add(c => c.User, User()));
        Assert.Empty(again.FindAll("#contact-screening-list"));
    }

    private ClaimsPrincipal User() => new(new ClaimsIdentity(
        [new(ClaimTypes.NameIdentifier, UserId), new(ClaimTypes.Role, Roles.OutsourcedAgent)], "test"));

    private async Task<(GetCase.View View, Guid CallId, DateTimeOffset CallStart)> CaseWithUnscreenedCallAsync()
    {
        await RunAsync<TeamSeeder, bool>(async seeder =>
        {
            await seeder.SeedAsync(CancellationToken.None);
            return true;
        });
        await WithDbAsync(async db =>
        {
            db.Users.Add(new User { Id = UserId, UserName = $"{UserId}@demo", DisplayName = "赵敏" });
            return await db.SaveChangesAsync();
        });
        var person = await CreatePersonAsync("王建国");
        var actor = new StaffActor(UserId, false);
        var opened = await RunAsync<OpenCase, Result<Guid>>(open => open.RunAsync(
            new OpenCase.Request(person, "question", null, "CGM did not alarm at night"), actor, CancellationToken.None));
        Assert.True(opened.Succeeded, opened.Failure?.MessageKey);
        var callStart = Clock.GetUtcNow().AddHours(-3);
        var call = await RunAsync<LogContact, Result<LogContact.Logged>>(log => log.RunAsync(
            new LogContact.Request("phone", "inbound", PersonId: person, StartedAt: callStart), Unrestricted, "telephony", CancellationToken.None));
        Assert.True(call.Succeeded, call.Failure?.MessageKey);
        var linked = await RunAsync<LinkContactToCase, Result<Guid>>(link => link.RunAsync(opened.Value, new LinkContactToCase.Request(call.Value!.Contact.Id), actor, CancellationToken.None));
        Assert.True(linked.Succeeded, linked.Failure?.MessageKey);
        var view = await RunAsync<GetCase, Result<GetCase.View>>(get => get.RunAsync(opened.Value, actor, CancellationToken.None));
        return (view.Value!, call.Value!.Contact.Id, callStart);
    }
}
