using CareDesk.Platform.Live;
using Microsoft.Extensions.Logging;

namespace CareDesk.Features.Cases;

/// <summary>Live escalation alerts to the open desktops, on every node.</summary>
public sealed class EscalationAlertHub(ILogger<EscalationAlertHub> logger) : UserChannel<EscalationAlert>(logger);
