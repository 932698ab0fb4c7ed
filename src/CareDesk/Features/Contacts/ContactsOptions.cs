using System.ComponentModel.DataAnnotations;

namespace CareDesk.Features.Contacts;

/// <summary>Section <c>Contacts</c>: where uploaded recordings are kept and how large one may be.</summary>
public sealed class ContactsOptions
{
    public const string Section = "Contacts";

    /// <summary>A directory outside the repository (relative paths are from the working directory, like the database).</summary>
    [Required]
    public string RecordingsDirectory { get; set; } = "data/recordings";

    /// <summary>Largest recording accepted, in bytes (an hour of 64 kbit/s speech is about 29 MB).</summary>
    [Range(1_024, 2_147_483_648)]
    public long MaxRecordingBytes { get; set; } = 104_857_600;
}
