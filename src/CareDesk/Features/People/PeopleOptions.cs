using System.ComponentModel.DataAnnotations;

namespace CareDesk.Features.People;

/// <summary>Section <c>People</c>.</summary>
public sealed class PeopleOptions
{
    public const string Section = "People";

    /// <summary>Region assumed for numbers typed without a country code (ISO 3166-1 alpha-2), e.g. CN.</summary>
    [Required]
    [RegularExpression("^[A-Z]{2}$")]
    public string DefaultRegion { get; set; } = "CN";

    /// <summary>Facts not confirmed for this long are marked stale on the profile.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan StaleFactAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Outsourced agents see date of birth, address lines, notes and the middle of numbers masked.</summary>
    public bool MaskForOutsourcedAgents { get; set; } = true;

    /// <summary>Most rows one search returns.</summary>
    [Range(1, 200)]
    public int SearchLimit { get; set; } = 25;
}
