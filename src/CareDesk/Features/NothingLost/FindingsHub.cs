using CareDesk.Platform.Live;
using Microsoft.Extensions.Logging;

namespace CareDesk.Features.NothingLost;

/// <summary>
/// Live pushes of <see cref="FindingsChanged"/> to every open findings page, on every node: one channel keyed by
/// <see cref="Group"/> rather than by user, because every supervisor sees the same list.
/// </summary>
public sealed class FindingsHub(ILogger<FindingsHub> logger) : UserChannel<FindingsChanged>(logger)
{
    public const string Group = "supervision";
}
