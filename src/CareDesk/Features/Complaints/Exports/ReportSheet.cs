namespace CareDesk.Features.Complaints.Exports;

/// <summary>
/// One regulator's form filled from a <see cref="ComplaintReport"/>: its sections and fields, labelled in the
/// regulator's language with the form's own numbering (3500A "D4", MIR "1.2c", NMPA "产品批号"). The XLSX and the
/// printable page are two renderings of this one shape.
/// </summary>
/// <param name="Language">The regulator's language as a BCP 47 tag (<c>en</c>, <c>zh-CN</c>), whatever the reader's.</param>
/// <param name="Source">The form and version it follows, as printed in its footer.</param>
public sealed record ReportSheet(string Form, string Title, string Language, string Source, IReadOnlyList<ReportSection> Sections)
{
    public IEnumerable<ReportField> Fields => Sections.SelectMany(s => s.Fields);

    /// <summary>The value of the field with that form number; null when it is blank or not on the sheet.</summary>
    public string? Value(string code) => Fields.FirstOrDefault(f => f.Code == code)?.Value;
}
