using System.ComponentModel.DataAnnotations;

namespace CareDesk.Features.Imports;

public sealed class ImportsOptions
{
    public const string Section = "Imports";

    /// <summary>
    /// Where uploaded lists are kept until their import is done (relative paths are from the working directory, like
    /// the database). On a cluster it must be storage every node sees: a resumed import may run on another node.
    /// </summary>
    [Required]
    public string StorageDirectory { get; set; } = "data/imports";

    /// <summary>Largest file accepted, in bytes.</summary>
    [Range(1_024, 2_147_483_648)]
    public long MaxFileBytes { get; set; } = 268_435_456;

    [Range(1, 50)]
    public int MaxFiles { get; set; } = 10;

    /// <summary>Rows matched and written per transaction: the most a killed run does again on resume.</summary>
    [Range(1, 50_000)]
    public int BatchSize { get; set; } = 1_000;
}
