using System.ComponentModel.DataAnnotations;

namespace CareDesk.Platform.Audit;

/// <summary>Section <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// Mask values of properties marked <c>[PersonalData]</c> in the changes recorded (the field name and the fact
    /// of a change stay). On by default: the audit log is read by admins who need not see the values.
    /// </summary>
    public bool MaskPersonalData { get; set; } = true;

    /// <summary>
    /// How often each node seals entries no commit on it announced (another node's, if that node stopped before
    /// sealing): the longest an entry stays unsealed, and so without tamper evidence, while any node runs.
    /// Entries are normally sealed within milliseconds of their commit.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan SealSweepInterval { get; set; } = TimeSpan.FromSeconds(2);
}
