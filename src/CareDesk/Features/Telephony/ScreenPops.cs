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
/// Carries screen pops from the webhook to the agent's open desktops. The in-process implementation reaches the
/// circuits of this node only; several app nodes need a backplane behind this interface (PostgreSQL LISTEN/NOTIFY:
/// the webhook node notifies, every node listens and hands the pop to its local <see cref="ScreenPopHub"/>).
/// </summary>
public interface IScreenPopPublisher
{
    Task PublishAsync(ScreenPopRequest pop, CancellationToken cancellationToken);
}

/// <summary>Per-user subscriptions of this node's open desktops (one per Blazor circuit showing the app shell).</summary>
public sealed class ScreenPopHub(ILogger<ScreenPopHub> logger) : UserChannel<ScreenPopRequest>(logger), IScreenPopPublisher
{
    public Task PublishAsync(ScreenPopRequest pop, CancellationToken cancellationToken)
    {
        Publish(pop.AgentUserId, pop);
        return Task.CompletedTask;
    }
}
