using System.Globalization;
using System.Text;

namespace CareDesk.Bench.Imports;

/// <summary>
/// Writes the export as Excel saves a CSV: RFC 4180 quoting where a field needs it, the chosen encoding and line
/// ending; and the two broken records on purpose. Tracks the line each record starts on, as the import reports it.
/// </summary>
internal sealed class CsvExportWriter : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly ExportLayout _layout;
    private readonly string _newline;
    private readonly StringBuilder _line = new();
    private int _nextLine = 1;

    public CsvExportWriter(Stream stream, Encoding encoding, string newline, ExportLayout layout)
    {
        _writer = new StreamWriter(stream, encoding, 1 << 16);
        _newline = newline;
        _layout = layout;
        WriteLine(string.Join(',', layout.Columns.Select(c => Quote(c.Header))), lineBreaksInside: 0);
    }

    /// <summary>Writes one record; returns the line it starts on.</summary>
    public int Write(ExportRow row)
    {
        _line.Clear();
        var lineBreaks = 0;
        var columns = _layout.Columns;
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0)
            {
                _line.Append(',');
            }

            var text = Text(row[columns[i].Column]);
            if (i == columns.Count - 1 && row.Broken == "unterminated_quote")
            {
                // A quote opens the last field and nothing closes it: the reader runs into its line limit.
                _line.Append('"').Append(text);
                continue;
            }

            lineBreaks += text.Count(c => c == '\n');
            _line.Append(Quote(text));
        }

        if (row.Broken == "column_count")
        {
            // One field too many (a stray comma in a cell typed without quotes), or the last one missing.
            if (row.ExtraField)
            {
                _line.Append(",多余");
            }
            else
            {
                _line.Length = _line.ToString().LastIndexOf(',');
            }
        }

        return WriteLine(_line.ToString(), lineBreaks);
    }

    private int WriteLine(string text, int lineBreaksInside)
    {
        var line = _nextLine;
        _writer.Write(text);
        _writer.Write(_newline);
        _nextLine += 1 + lineBreaksInside;
        return line;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public void Dispose() => _writer.Dispose();
}
