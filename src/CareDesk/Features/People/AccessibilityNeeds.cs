namespace CareDesk.Features.People;

/// <summary>What a person needs for a call to work (story 7).</summary>
public sealed record AccessibilityNeeds
{
    public bool HardOfHearing { get; init; }

    public bool LowVision { get; init; }

    public bool NeedsVideo { get; init; }

    public bool NeedsCaregiverPresent { get; init; }

    public string? Notes { get; init; }

    public bool Any => HardOfHearing || LowVision || NeedsVideo || NeedsCaregiverPresent || !string.IsNullOrWhiteSpace(Notes);
}
