using Bunit;
using CareDesk.Features.Cases;
using CareDesk.Features.Cases.Pages;
using CareDesk.Tests.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Tests.Features.Cases;

public sealed class CallbackWarningBannerTests : DatabaseComponentContext
{
    public CallbackWarningBannerTests() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    [Theory]
    [InlineData("en", "Case K7M2-Q9XD: your promised callback is due by")]
    [InlineData("zh-CN", "工单 K7M2-Q9XD：您承诺的回电须在")]
    public void The_owner_of_a_callback_sees_its_warning_live_in_their_language(string culture, string expected)
    {
        UseLanguage(culture);
        SignInAs("agent");
        var banner = RenderInLayout<EscalationAlertBanner>();

        Services.GetRequiredService<EscalationAlertHub>().Publish(UserId, new EscalationAlert(
            "callback-warning", Guid.NewGuid(), Guid.NewGuid(), "K7M2-Q9XD", "Pump alarm", null, 0, Clock.GetUtcNow().AddMinutes(12)));

        banner.WaitForAssertion(() => Assert.Contains(expected, banner.Find(".callback-warning").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("Pump alarm", banner.Find("#escalation-alerts").TextContent, StringComparison.Ordinal);
    }
}
