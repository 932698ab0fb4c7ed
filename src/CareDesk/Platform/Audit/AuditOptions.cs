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
}
