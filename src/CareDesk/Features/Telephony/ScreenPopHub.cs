using CareDesk.Platform.Live;
using Microsoft.Extensions.Logging;

namespace CareDesk.Features.Telephony;

/// <summary>Per-user subscriptions of the open desktops (one per Blazor circuit showing the app shell), on every node.</summary>
public sealed class ScreenPopHub(ILogger<ScreenPopHub> logger) : UserChannel<ScreenPopRequest>(logger), IScreenPopPublisher
{
    public Task PublishAsync(ScreenPopRequest pop, CancellationToken cancellationToken)
    {
        Publish(pop.AgentUserId, pop);
        return Task.CompletedTask;
    }
}
