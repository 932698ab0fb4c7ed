using Bunit;
using CareDesk.Features.Contacts;
using CareDesk.Features.People;
using CareDesk.Features.Telephony;
using CareDesk.Tests.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Tests.Features.Telephony;

public sealed class ScreenPopTests : DatabaseComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    // Pops reach live circuits only; the prerendered page does not subscribe.
    public ScreenPopTests() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    [Theory]
    [InlineData("en", "Hard of hearing", "Cares for: 王建国")]
    [InlineData("zh-CN", "听力障碍", "照护：王建国")]
    public async Task A_ringing_call_pops_the_callers_card_with_needs_whom_she_cares_for_and_devices(string culture, string need, string caresFor)
    {
        UseLanguage(culture);
        var father = await CreatePersonAsync("王建国", hardOfHearing: true);
        var daughter = await CreatePersonAsync("王丽", kind: "caregiver", phones: ["139 1234 5678"], hardOfHearing: true);
        await RunAsync<AddRelationship, CareDesk.Platform.Api.Result<Guid>>(add =>
            add.RunAsync(daughter, new AddRelationship.Request("caregiver-of", father, "agent"), Unrestricted, CancellationToken.None));
        await RegisterDeviceAsync(daughter, "accu-chek-guide-meter", "92501234567", new DateOnly(2025, 6, 1));
        var pop = Render<ScreenPop>();

        await Ring("+8613912345678");

        pop.WaitForElement(".screen-pop", Wait);
        var card = pop.WaitForElement($".caller-card[data-person-id='{daughter}']", Wait);
        Assert.Equal("王丽", card.QuerySelector(".caller-card-name")!.TextContent.Trim());
        Assert.Contains(need, card.QuerySelector(".caller-card-accessibility")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(caresFor, card.QuerySelector(".caller-card-cares-for")!.TextContent.Trim());
        Assert.Contains("92501234567", card.QuerySelector(".caller-card-device")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"people/{daughter}", card.QuerySelector(".caller-card-open")!.GetAttribute("href"));
        // The caregiver's number finds the father too.
        Assert.NotNull(pop.Find($".caller-card[data-person-id='{father}']"));
    }

    [Fact]
    public async Task An_unknown_number_offers_quick_create_with_the_number_filled_in()
    {
        UseLanguage("en");
        var pop = Render<ScreenPop>();

        await Ring("+8675588888888");

        var quickCreate = pop.WaitForElement(".screen-pop-quick-create", Wait);
        Assert.Equal("No one in CareDesk has this number.", pop.Find(".screen-pop-unknown").TextContent.Trim());
        Assert.Equal("people/new?phone=%2B8675588888888", quickCreate.GetAttribute("href"));
    }

    [Fact]
    public async Task A_call_for_another_agent_does_not_pop()
    {
        UseLanguage("en");
        var pop = Render<ScreenPop>();

        await Services.GetRequiredService<ScreenPopHub>().PublishAsync(
            new ScreenPopRequest("someone-else", Guid.NewGuid(), "call-other", "+8675588888888", null, Clock.GetUtcNow()), CancellationToken.None);
        await Ring("+8675588888888", "call-mine");

        pop.WaitForElement(".screen-pop", Wait);
        Assert.Equal("call-mine", Assert.Single(pop.FindAll(".screen-pop")).GetAttribute("data-call-id"));
    }

    [Fact]
    public async Task Thirty_desks_of_one_agent_show_the_card_from_one_load_and_one_audited_read()
    {
        UseLanguage("en");
        var caller = await CreatePersonAsync("Mary Smith", phones: ["+44 20 7946 0958"]);
        var desks = Enumerable.Range(0, 30).Select(_ => Render<ScreenPop>()).ToList();

        await Ring("+442079460958", "call-thirty");

        foreach (var desk in desks)
        {
            desk.WaitForElement($".caller-card[data-person-id='{caller}']", Wait);
        }

        // Before, each desk ran the card queries and wrote its own read: thirty entries for one call.
        var reads = await WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "read" && e.Subjects == caller.ToString() && e.Reason == "screen pop"));
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task The_live_call_shows_as_ringing_above_the_past_contacts_and_follows_the_call_events()
    {
        UseLanguage("en");
        var caller = await CreatePersonAsync("Mary Smith", phones: ["+44 20 7946 0958"]);
        await AddCallAsync(caller, "call-earlier", Clock.GetUtcNow().AddDays(-3), answered: true);
        // The call ringing now is already hers (the webhook links it before it pops): it used to be listed as answered.
        var live = await AddCallAsync(caller, "call-live", Clock.GetUtcNow(), answered: false);
        var pop = Render<ScreenPop>();

        await Ring("+442079460958", "call-live", live);

        var card = pop.WaitForElement($".caller-card[data-person-id='{caller}']", Wait);
        var liveLine = card.QuerySelector(".caller-card-live")!;
        Assert.Equal("ringing", liveLine.GetAttribute("data-state"));
        Assert.Contains("This call", liveLine.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("ringing", liveLine.TextContent.Trim(), StringComparison.Ordinal);
        var past = Assert.Single(card.QuerySelectorAll(".caller-card-contact"));
        Assert.EndsWith("answered", past.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Phone", past.TextContent, StringComparison.Ordinal);

        await Update("call-live", live, CallState.Answered);
        pop.WaitForAssertion(() => Assert.Equal("answered", pop.Find(".caller-card-live").GetAttribute("data-state")), Wait);
        Assert.Equal("answered", pop.Find(".screen-pop").GetAttribute("data-state"));

        await Update("call-live", live, CallState.Ended);
        pop.WaitForAssertion(() => Assert.Equal("ended", pop.Find(".caller-card-live").GetAttribute("data-state")), Wait);
        Assert.Single(pop.FindAll(".caller-card-contact"));
    }

    [Fact]
    public async Task A_state_update_for_a_call_not_on_screen_pops_nothing()
    {
        UseLanguage("en");
        var pop = Render<ScreenPop>();

        await Update("call-elsewhere", Guid.NewGuid(), CallState.Answered);
        await Ring("+8675588888888", "call-mine");

        pop.WaitForElement(".screen-pop", Wait);
        Assert.Equal("call-mine", Assert.Single(pop.FindAll(".screen-pop")).GetAttribute("data-call-id"));
    }

    [Theory]
    [InlineData("en", "Calls (2)", "Incoming call from +8675588888888, an unknown number")]
    [InlineData("zh-CN", "来电（2）", "来电 +8675588888888，未知号码")]
    public async Task A_second_call_stacks_on_top_of_the_first_which_folds_takes_focus_is_announced_and_closing_it_reopens_the_first(string culture, string title, string announced)
    {
        UseLanguage(culture);
        var caller = await CreatePersonAsync("Mary Smith", phones: ["+44 20 7946 0958"]);
        var pop = Render<ScreenPop>();

        await Ring("+442079460958", "call-first");
        pop.WaitForElement($".screen-pop[data-call-id='call-first'] .caller-card[data-person-id='{caller}']", Wait);
        await Ring("+8675588888888", "call-second");

        pop.WaitForAssertion(() => Assert.Equal(2, pop.FindAll(".screen-pop").Count), Wait);
        var stack = pop.FindAll(".screen-pop");
        Assert.Equal(("call-second", "expanded"), (stack[0].GetAttribute("data-call-id"), stack[0].ClassList.Contains("expanded") ? "expanded" : "collapsed"));
        Assert.True(stack[1].ClassList.Contains("collapsed"), "the first call folds to its header");
        Assert.Empty(stack[1].QuerySelectorAll(".caller-card"));
        Assert.Contains("Mary Smith", stack[1].QuerySelector(".screen-pop-title")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(title, pop.Find("#screen-pop-focus").TextContent.Trim());
        Assert.Equal(announced, pop.Find("#screen-pop-announcement").TextContent.Trim());
        Assert.Equal("dialog", stack[0].GetAttribute("role"));
        // Each card took the focus as it popped.
        pop.WaitForAssertion(() => Assert.Equal(2, JSInterop.Invocations.Count(i => i.Identifier.Contains("focus", StringComparison.OrdinalIgnoreCase))), Wait);

        // Closing the newest (its button; Esc in the browser clicks it) opens the first again.
        pop.Find(".screen-pop[data-call-id='call-second'] .screen-pop-close").Click();
        pop.WaitForAssertion(() => Assert.Single(pop.FindAll(".screen-pop")), Wait);
        var left = pop.Find(".screen-pop");
        Assert.Equal("call-first", left.GetAttribute("data-call-id"));
        Assert.True(left.ClassList.Contains("expanded"));
        pop.Find(".screen-pop .screen-pop-close").Click();
        pop.WaitForAssertion(() => Assert.Empty(pop.FindAll("#screen-pop-dock")), Wait);
    }

    [Fact]
    public async Task A_new_call_renders_its_own_card_and_the_one_it_folds_but_not_a_card_already_folded()
    {
        UseLanguage("en");
        var pop = Render<ScreenPop>();
        await Ring("+8675588888881", "call-1");
        await Ring("+8675588888882", "call-2");
        // Both cards on screen and the first folded: the render that folds it is done before its count is read.
        pop.WaitForAssertion(() => Assert.True(pop.Find(".screen-pop[data-call-id='call-1']").ClassList.Contains("collapsed")), Wait);
        pop.WaitForAssertion(() => Assert.Equal(2, pop.FindComponents<CallCard>().Count), Wait);
        var first = pop.FindComponents<CallCard>().Single(c => c.Instance.Call.Pop.CallId == "call-1");
        var second = pop.FindComponents<CallCard>().Single(c => c.Instance.Call.Pop.CallId == "call-2");
        var (firstRenders, secondRenders) = (first.RenderCount, second.RenderCount);

        await Ring("+8675588888883", "call-3");

        pop.WaitForAssertion(() => Assert.Equal(3, pop.FindAll(".screen-pop").Count), Wait);
        pop.WaitForAssertion(() => Assert.True(pop.Find(".screen-pop[data-call-id='call-2']").ClassList.Contains("collapsed")), Wait);
        // The desk renders the new card and folds call-2; call-1 was folded already and its markup is unchanged.
        Assert.Equal(firstRenders, first.RenderCount);
        Assert.True(second.RenderCount > secondRenders, "the card that folds renders again");
        Assert.True(pop.Find(".screen-pop[data-call-id='call-2']").ClassList.Contains("collapsed"));

        // A call's own change still reaches its folded card.
        await Update("call-1", Guid.NewGuid(), CallState.Answered);
        pop.WaitForAssertion(() => Assert.Equal("answered", pop.Find(".screen-pop[data-call-id='call-1']").GetAttribute("data-state")), Wait);
    }

    [Fact]
    public async Task The_dock_minimises_and_the_shortcut_brings_back_the_newest_card()
    {
        UseLanguage("en");
        var pop = Render<ScreenPop>();
        await Ring("+8675588888888", "call-1");
        pop.WaitForElement(".screen-pop", Wait);

        // MudBlazor's buttons run their handlers asynchronously: wait for the render.
        pop.Find("#screen-pop-minimise").Click();
        pop.WaitForAssertion(() => Assert.Equal("minimised", pop.Find("#screen-pop-dock").GetAttribute("data-state")), Wait);
        Assert.Empty(pop.FindAll(".screen-pop"));

        pop.Find("#screen-pop-focus").Click();
        pop.WaitForAssertion(() => Assert.Equal("open", pop.Find("#screen-pop-dock").GetAttribute("data-state")), Wait);
        pop.WaitForAssertion(() => Assert.Single(pop.FindAll(".screen-pop.expanded")), Wait);
    }

    [Fact]
    public async Task The_new_case_form_is_rendered_only_when_the_agent_asks_for_it()
    {
        UseLanguage("en");
        var caller = await CreatePersonAsync("Mary Smith", phones: ["+44 20 7946 0958"]);
        var pop = Render<ScreenPop>();
        await Ring("+442079460958", "call-1");
        var card = pop.WaitForElement($".caller-card[data-person-id='{caller}']", Wait);
        Assert.Empty(pop.FindAll(".new-case-form"));

        pop.Find($".caller-card[data-person-id='{caller}'] .caller-card-create-case").Click();

        pop.WaitForAssertion(() => Assert.Single(pop.FindAll($".caller-card[data-person-id='{caller}'] .new-case-form")), Wait);
    }

    private Task Ring(string from, string callId = "call-1", Guid? contactId = null) =>
        Services.GetRequiredService<ScreenPopHub>().PublishAsync(
            new ScreenPopRequest(UserId, contactId ?? Guid.NewGuid(), callId, from, from, Clock.GetUtcNow()), CancellationToken.None);

    private Task Update(string callId, Guid contactId, CallState state) =>
        Services.GetRequiredService<ScreenPopHub>().PublishAsync(
            new ScreenPopRequest(UserId, contactId, callId, null, null, Clock.GetUtcNow(), state, StateOnly: true), CancellationToken.None);

    private Task<Guid> AddCallAsync(Guid personId, string callId, DateTimeOffset at, bool answered) =>
        WithDbAsync(async db =>
        {
            var contact = new Contact
            {
                Source = "telephony",
                ExternalId = callId,
                PersonId = personId,
                Channel = ContactChannel.Phone,
                StartedAt = at,
                RingingAt = at,
                AnsweredAt = answered ? at.AddSeconds(5) : null,
                EndedAt = answered ? at.AddMinutes(3) : null,
            };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            return contact.Id;
        });
}
