using System.ComponentModel.DataAnnotations;

namespace CareDesk.Platform.Scheduling;

/// <summary>Section <c>Scheduling</c>.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>Run the scheduler on this node (a node can be made API-only).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often a clustered node checks in; a node silent for twice this is presumed dead.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>
    /// How long an idle node waits before looking for due timers again. A timer scheduled on this node wakes it at
    /// once; one scheduled on another node, or due after a restart, is seen within this time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan IdleWaitTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often every node hands committed timer requests to the scheduler that their own node did not (it stopped
    /// between the commit and the hand-over); also done at start.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
