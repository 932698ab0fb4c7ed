namespace CareDesk.Features.Telephony;

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
