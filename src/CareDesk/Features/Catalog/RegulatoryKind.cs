namespace CareDesk.Features.Catalog;

/// <summary>In-vitro diagnostic (meters, strips), device (pumps, sensors) or software (apps).</summary>
public enum RegulatoryKind
{
    Device,
    Ivd,
    Software,
}
