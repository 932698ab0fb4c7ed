using System.Globalization;

namespace CareDesk.Features.Imports.Cells;

/// <summary>
/// One raw cell as the reader found it. CSV cells are always text; XLSX cells may also be numbers (a phone typed
/// without a leading apostrophe, a serial date) or dates (a cell formatted as a date).
/// </summary>
public readonly record struct CellValue
{
    private CellValue(CellValueKind kind, string? text, double number, DateTime date)
    {
        Kind = kind;
        Text = text;
        Number = number;
        Date = date;
    }

    public CellValueKind Kind { get; }

    /// <summary>The text as written, when <see cref="Kind"/> is <see cref="CellValueKind.Text"/>.</summary>
    public string? Text { get; }

    public double Number { get; }

    public DateTime Date { get; }

    public static CellValue Empty => default;

    public static CellValue FromText(string? text) => text is null ? Empty : new(CellValueKind.Text, text, 0, default);

    public static CellValue FromNumber(double number) => new(CellValueKind.Number, null, number, default);

    public static CellValue FromDate(DateTime date) => new(CellValueKind.Date, null, 0, date);

    /// <summary>
    /// The cell as a validation report shows it back to the distributor: their text unchanged, a number without
    /// exponent or grouping, a date as ISO 8601.
    /// </summary>
    public string Raw => Kind switch
    {
        CellValueKind.Text => Text!,
        CellValueKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        CellValueKind.Date => Date.TimeOfDay == TimeSpan.Zero
            ? Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : Date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        _ => "",
    };

    public override string ToString() => Raw;
}
