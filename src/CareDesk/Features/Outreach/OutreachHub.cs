using CareDesk.Platform.Live;
using Microsoft.Extensions.Logging;

namespace CareDesk.Features.Outreach;

/// <summary>Live outreach pushes to an agent's open desktops, on every node: a held contact was withdrawn.</summary>
public sealed class OutreachHub(ILogger<OutreachHub> logger) : UserChannel<OutreachWithdrawn>(logger);
