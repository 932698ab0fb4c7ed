using System.Globalization;
using System.Text;
using CareDesk.Features.Imports.Reading;

namespace CareDesk.Bench.Imports;

/// <summary>
/// What one data record of a generated file is, known because it was planted: the person behind it, whether the import
/// must accept it, the problems it must report, and which duplicate, family or namesake case it is.
/// </summary>
/// <param name="Record">1-based among the file's data records, as the import numbers them.</param>
/// <param name="Line">The line (CSV) or sheet row (XLSX) the record starts on.</param>
/// <param name="PersonKey">Same key, same real person.</param>
/// <param name="Reasons"><c>field:reason</c> separated by <c>;</c> (<c>column_count</c> and <c>unterminated_quote</c> have no field); empty for a valid row.</param>
/// <param name="Variant">A <see cref="Variants"/> name, empty for a plain row.</param>
/// <param name="SourceRecord">The record of the person this row was planted from: the duplicate's first row, the phone owner's for a family row, the namesake's.</param>
internal sealed record TruthRecord(int Record, int Line, string PersonKey, bool Valid, string Reasons, string Variant, int? SourceRecord)
{
    public const string Header = "record,line,personKey,outcome,reasons,variant,sourceRecord";

    public string ToCsv() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Record},{Line},{PersonKey},{(Valid ? "valid" : "invalid")},{Reasons},{Variant},{SourceRecord}");

    public static List<TruthRecord> ReadAll(string path)
    {
        using var text = new StreamReader(path, Encoding.UTF8);
        var csv = CsvRecordReader.Open(text, ',');
        var header = csv.ReadRecord()?.Fields ?? throw new InvalidDataException($"{path} is empty.");
        int Column(string name) => header.ToList().IndexOf(name) is >= 0 and var i ? i : throw new InvalidDataException($"{path} has no column {name}.");
        var (record, line, key, outcome, reasons, variant, source) =
            (Column("record"), Column("line"), Column("personKey"), Column("outcome"), Column("reasons"), Column("variant"), Column("sourceRecord"));
        var truth = new List<TruthRecord>();
        foreach (var row in csv.ReadRecords())
        {
            var f = row.Fields;
            truth.Add(new TruthRecord(
                int.Parse(f[record], CultureInfo.InvariantCulture),
                int.Parse(f[line], CultureInfo.InvariantCulture),
                f[key],
                f[outcome] == "valid",
                f[reasons],
                f[variant],
                f[source].Length == 0 ? null : int.Parse(f[source], CultureInfo.InvariantCulture)));
        }

        return truth;
    }
}

/// <summary>The planted variants, as <c>truth.csv</c> names them.</summary>
internal static class Variants
{
    public const string Exact = "exact";
    public const string Traditional = "traditional";
    public const string Pinyin = "pinyin";
    public const string Homophone = "homophone";
    public const string Normalized = "normalized";
    public const string NameAndDob = "name+dob";
    public const string Family = "family";
    public const string Namesake = "namesake";

    public static readonly string[] Duplicates = [Exact, Normalized, Traditional, Pinyin, Homophone, NameAndDob];

    public static bool IsDuplicate(string variant) => Duplicates.Contains(variant);
}
