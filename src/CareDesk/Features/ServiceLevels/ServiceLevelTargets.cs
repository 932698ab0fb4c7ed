namespace CareDesk.Features.ServiceLevels;

/// <summary>
/// The targets of one kind of case, in business time of the calendar named <see cref="CalendarId"/>; a null
/// target means that clock does not run.
/// </summary>
public sealed record ServiceLevelTargets(string CalendarId, TimeSpan? FirstResponse, TimeSpan? Callback, TimeSpan? Resolution)
{
    public TimeSpan? For(ServiceLevelKind kind) => kind switch
    {
        ServiceLevelKind.FirstResponse => FirstResponse,
        ServiceLevelKind.Callback => Callback,
        ServiceLevelKind.Resolution => Resolution,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
