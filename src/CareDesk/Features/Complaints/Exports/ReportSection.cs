namespace CareDesk.Features.Complaints.Exports;

public sealed record ReportSection(string Code, string Title, IReadOnlyList<ReportField> Fields);
