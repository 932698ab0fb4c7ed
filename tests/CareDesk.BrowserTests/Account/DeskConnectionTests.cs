using CareDesk.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace CareDesk.BrowserTests.Account;

/// <summary>
/// An open desk holds one WebSocket for its whole shift: it must not keep a per-connection compression state
/// (permessage-deflate), which costs ~0.4–0.5 MB of native memory per desk (docs/benchmarks.md, item 12f of issue 10).
/// </summary>
public sealed class DeskConnectionTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    [Fact]
    public async Task The_desk_connection_is_not_compressed()
    {
        var cdp = await Page.Context.NewCDPSessionAsync(Page);
        var handshake = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        cdp.Event("Network.webSocketHandshakeResponseReceived").OnEvent += (_, payload) =>
        {
            if (payload is { } json && json.GetProperty("response").TryGetProperty("headers", out var headers))
            {
                handshake.TrySetResult(headers.ToString());
            }
        };
        await cdp.SendAsync("Network.enable");

        await SignInAsync(DemoEmail("agent"));
        await GoToAsync("/work");
        var headers = await handshake.Task.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Contains("websocket", headers, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("permessage-deflate", headers, StringComparison.OrdinalIgnoreCase);
    }
}
