namespace CareDesk.Features.Complaints.Exports;

/// <param name="Value">Null: not known to the care center; the form shows it blank for quality to complete.</param>
public sealed record ReportField(string Code, string Label, string? Value);
