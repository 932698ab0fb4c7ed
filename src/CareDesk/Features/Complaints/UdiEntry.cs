namespace CareDesk.Features.Complaints;

/// <summary>How the UDI reached CareDesk: read by a scanner, or typed from the label.</summary>
public enum UdiEntry
{
    Typed,
    Scanned,
}
