using System.ComponentModel.DataAnnotations;

namespace CareDesk.Features.Cases;

/// <summary>Settings of case attachments (section <c>Cases</c>).</summary>
public sealed class CaseAttachmentOptions
{
    public const string Section = "Cases";

    /// <summary>
    /// Largest file accepted, in bytes: a phone's photo of a meter is 2–5 MB. Kept small because the bytes are stored in
    /// the database (docs/adr/0004-case-attachments-in-the-database.md).
    /// </summary>
    [Range(1_024, 52_428_800)]
    public long MaxAttachmentBytes { get; set; } = 10_485_760;
}
