using System.Diagnostics;
using System.Text;

namespace CareDesk.Bench.Imports;

/// <summary>Writes a generated export and its truth.</summary>
internal static class GenerateCommand
{
    public static int Run(CommandLine options)
    {
        var rows = options.Int("rows", 10_000);
        var output = options.Require("out");
        var truthPath = options.Require("truth");
        var seed = options.Int("seed", 15);
        var format = options.Get("format") ?? (output.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? "xlsx" : "csv");
        var clock = Stopwatch.StartNew();
        var summary = Generate(rows, seed, format, options.Get("encoding") ?? "utf8-bom", options.Get("newline") ?? "crlf", output, truthPath);
        Console.WriteLine($"{rows:N0} records to {output} ({format}) and {truthPath} in {clock.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine(summary);
        return 0;
    }

    /// <summary>Writes the export and the truth; returns the planted counts, one line per kind.</summary>
    public static string Generate(int rows, int seed, string format, string encoding, string newline, string output, string truthPath)
    {
        var export = new DistributorExport(seed, typedCells: format == "xlsx");
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        using var truth = new StreamWriter(truthPath, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        truth.NewLine = "\n";
        truth.WriteLine(TruthRecord.Header);

        void Record(TruthRecord record)
        {
            truth.WriteLine(record.ToCsv());
            var kind = !record.Valid ? "invalid: " + record.Reasons : record.Variant.Length == 0 ? "new" : record.Variant;
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
        }

        if (format == "xlsx")
        {
            XlsxExportWriter.Write(output, export.Layout, export.Generate(rows).Select(generated =>
            {
                Record(generated.Truth with { Line = generated.Truth.Record + 1 });
                return generated.Row;
            }));
        }
        else if (format == "csv")
        {
            using var file = File.Create(output);
            using var csv = new CsvExportWriter(file, TextEncoding(encoding), newline == "lf" ? "\n" : "\r\n", export.Layout);
            foreach (var (row, record) in export.Generate(rows))
            {
                Record(record with { Line = csv.Write(row) });
            }
        }
        else
        {
            throw new ArgumentException($"Unknown format {format}: csv or xlsx.");
        }

        return string.Join(Environment.NewLine, counts.Select(c => $"  {c.Key,-40} {c.Value,9:N0}  {100.0 * c.Value / rows,6:F2} %"));
    }

    public static Encoding TextEncoding(string name)
    {
        switch (name)
        {
            case "utf8-bom":
                return new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
            case "utf8":
                return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            case "gb18030":
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                return Encoding.GetEncoding(54936);
            default:
                throw new ArgumentException($"Unknown encoding {name}: utf8-bom, gb18030 or utf8.");
        }
    }
}
