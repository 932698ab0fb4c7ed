using System.Globalization;

namespace CareDesk.Features.Imports.Reading;

/// <summary>
/// One cell as the file gave it: CSV cells are always text; XLSX cells keep their number or date type so the cell rules
/// can tell a date cell (or a phone Excel stored as a number) from typed text.
/// </summary>
public readonly record struct CellValue
{
    private CellValue(CellKind kind, string? text, double number, DateTime date)
    {
        Kind = kind;
        Text = text;
        Number = number;
        Date = date;
    }

    public static CellValue Empty => default;

    public CellKind Kind { get; }

    /// <summary>The text as written, when <see cref="Kind"/> is <see cref="CellKind.Text"/>.</summary>
    public string? Text { get; }

    public double Number { get; }

    public DateTime Date { get; }

    public bool IsEmpty => Kind == CellKind.Empty;

    public static CellValue FromText(string? text) =>
        string.IsNullOrEmpty(text) ? Empty : new CellValue(CellKind.Text, text, 0, default);

    public static CellValue FromNumber(double number) => new(CellKind.Number, null, number, default);

    public static CellValue FromDate(DateTime date) => new(CellKind.Date, null, 0, date);

    /// <summary>
    /// The cell as a person would read it, for a header or the <c>raw</c> of a validation problem: numbers round-trip
    /// in the invariant culture (a phone stored as a number reads 13800138000, not 1.38E+10), dates as ISO.
    /// </summary>
    public string Raw => Kind switch
    {
        CellKind.Text => Text!,
        CellKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        CellKind.Date => Date.TimeOfDay == TimeSpan.Zero
            ? Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : Date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        _ => "",
    };

    public override string ToString() => Raw;
}
