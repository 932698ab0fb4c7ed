using CareDesk.Platform.Live;
using Microsoft.Extensions.Logging;

namespace CareDesk.Features.Complaints.Trending;

/// <summary>Live trend alerts to the open desktops of quality, on every node.</summary>
public sealed class TrendAlertHub(ILogger<TrendAlertHub> logger) : UserChannel<TrendAlert>(logger);
