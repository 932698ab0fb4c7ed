using CareDesk.Platform.Live;
using Microsoft.Extensions.Logging;

namespace CareDesk.Features.Telephony;

/// <summary>Where a call is, as its events so far say (in any order they arrived): the card shows it live.</summary>
public enum CallState
{
    Ringing,
    Answered,
    Ended,
    Missed,
}

/// <summary>
/// A call ringing at an agent: whom to pop, and the number to look up; or, with <paramref name="StateOnly"/>, a later
/// event of a call already popped, which only moves its card's state (answered, ended) and pops nothing.
/// </summary>
/// <param name="FromE164">The caller's number as E.164, or null when the phone system sent none or an unreadable one.</param>
/// <param name="FromRaw">What the phone system sent, to show when it could not be read.</param>
/// <param name="State">The call's state after this event.</param>
public sealed record ScreenPopRequest(
    string AgentUserId, Guid ContactId, string CallId, string? FromE164, string? FromRaw, DateTimeOffset At,
    CallState State = CallState.Ringing, bool StateOnly = false);

/// <summary>
/// Carries screen pops from the webhook to the agent's open desktops, on whichever node they are connected to
/// (<see cref="ScreenPopHub"/> publishes through the live backplane, Platform/Live).
/// </summary>
public interface IScreenPopPublisher
{
    Task PublishAsync(ScreenPopRequest pop, CancellationToken cancellationToken);
}

/// <summary>Per-user subscriptions of the open desktops (one per Blazor circuit showing the app shell), on every node.</summary>
public sealed class ScreenPopHub(ILogger<ScreenPopHub> logger) : UserChannel<ScreenPopRequest>(logger), IScreenPopPublisher
{
    public Task PublishAsync(ScreenPopRequest pop, CancellationToken cancellationToken)
    {
        Publish(pop.AgentUserId, pop);
        return Task.CompletedTask;
    }
}
