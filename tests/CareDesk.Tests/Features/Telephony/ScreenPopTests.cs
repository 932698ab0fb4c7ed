using Bunit;
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
    [InlineData("zh-CN", "听力障碍", "照护: 王建国")]
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

        pop.WaitForElement("#screen-pop", Wait);
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

        var quickCreate = pop.WaitForElement("#screen-pop-quick-create", Wait);
        Assert.Equal("No one in CareDesk has this number.", pop.Find("#screen-pop-unknown").TextContent.Trim());
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

        pop.WaitForElement("#screen-pop", Wait);
        Assert.Equal("call-mine", pop.Find("#screen-pop").GetAttribute("data-call-id"));
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

    private Task Ring(string from, string callId = "call-1") =>
        Services.GetRequiredService<ScreenPopHub>().PublishAsync(
            new ScreenPopRequest(UserId, Guid.NewGuid(), callId, from, from, Clock.GetUtcNow()), CancellationToken.None);
}
