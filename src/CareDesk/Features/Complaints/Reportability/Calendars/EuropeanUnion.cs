namespace CareDesk.Features.Complaints.Reportability.Calendars;

/// <summary>The Union's member states (ISO 3166-1 alpha-2; Greece as GR) and the other EEA states.</summary>
public static class EuropeanUnion
{
    public static readonly IReadOnlySet<string> MemberStates = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    };

    /// <summary>Iceland, Liechtenstein and Norway apply the MDR/IVDR through the EEA Agreement.</summary>
    public static readonly IReadOnlySet<string> OtherEea = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "IS", "LI", "NO" };

    public static bool IsInEea(string? country) => country is not null && (MemberStates.Contains(country) || OtherEea.Contains(country));
}
