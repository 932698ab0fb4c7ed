using CareDesk.Platform.Live;
using Microsoft.Extensions.Logging;

namespace CareDesk.Features.Complaints.Reporting;

/// <summary>Live obligation alerts to the open desktops of quality users, on every node.</summary>
public sealed class ObligationAlertHub(ILogger<ObligationAlertHub> logger) : UserChannel<ObligationAlert>(logger);
