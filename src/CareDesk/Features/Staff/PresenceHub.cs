using CareDesk.Platform.Live;
using Microsoft.Extensions.Logging;

namespace CareDesk.Features.Staff;

/// <summary>
/// Live presence on every node: per user (their own selectors) and, under <see cref="Supervisors"/>, one group every
/// supervisor's staff page subscribes to. User ids are GUIDs, so the group key never meets one.
/// </summary>
public sealed class PresenceHub(ILogger<PresenceHub> logger) : UserChannel<PresenceChanged>(logger)
{
    public const string Supervisors = "group:supervisors";
}
