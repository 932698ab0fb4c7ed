namespace CareDesk.Features.Complaints.Exports;

/// <param name="Identifier">FDA A1 asks for an identifier in confidence, never the name: the case number.</param>
/// <param name="Sex">female, male or null.</param>
public sealed record ReportPatient(
    string Identifier,
    string? Name,
    string? Sex,
    DateOnly? DateOfBirth,
    int? AgeAtEventYears,
    decimal? WeightKg);
