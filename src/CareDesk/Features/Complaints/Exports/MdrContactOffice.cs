using System.ComponentModel.DataAnnotations;

namespace CareDesk.Features.Complaints.Exports;

/// <summary>The office FDA contacts about an MDR (3500A G1), written on each 3500A and eMDR as configured.</summary>
public sealed class MdrContactOffice
{
    [MaxLength(200)]
    public string? Name { get; set; }

    /// <summary>The contact person at that office.</summary>
    [MaxLength(200)]
    public string? Person { get; set; }

    [MaxLength(200)]
    public string? AddressLine { get; set; }

    [MaxLength(100)]
    public string? City { get; set; }

    [MaxLength(100)]
    public string? State { get; set; }

    [MaxLength(20)]
    public string? PostalCode { get; set; }

    /// <summary>ISO 3166-1 country code.</summary>
    [MaxLength(3)]
    public string? Country { get; set; }

    [MaxLength(40)]
    public string? Phone { get; set; }

    [MaxLength(200)]
    public string? Email { get; set; }

    public bool IsEmpty => Name is null && AddressLine is null && City is null && Phone is null && Email is null;
}
