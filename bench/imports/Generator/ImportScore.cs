using System.Globalization;
using System.Text;
using CareDesk.Features.Imports.Reading;

namespace CareDesk.Bench.Imports;

/// <summary>One row of an import's result, as <c>GET /api/imports/{id}/rows</c> gives it (or its CSV export).</summary>
/// <param name="Status"><c>created</c>, <c>updated</c>, <c>duplicate</c> or <c>invalid</c>.</param>
/// <param name="Errors"><c>field:reason</c> or <c>reason</c> separated by <c>;</c>; null when the export has no errors column.</param>
internal sealed record ImportedRow(int Record, string Status, string? PersonId, int? DuplicateOf, string? Basis, string? Errors)
{
    public bool Accepted => Status != "invalid";

    /// <summary>Reads <c>record,status,personId,duplicateOf,basis</c> (and optionally <c>errors</c>), in any column order.</summary>
    public static List<ImportedRow> ReadCsv(string path)
    {
        using var text = new StreamReader(path, Encoding.UTF8);
        var csv = CsvRecordReader.Open(text);
        var header = csv.ReadRecord()?.Fields.Select(f => f.Trim()).ToList() ?? throw new InvalidDataException($"{path} is empty.");
        int Column(string name) => header.FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        var (record, status, person, duplicateOf, basis, errors) = (Column("record"), Column("status"), Column("personId"), Column("duplicateOf"), Column("basis"), Column("errors"));
        if (record < 0 || status < 0 || person < 0)
        {
            throw new InvalidDataException($"{path} needs the columns record, status and personId (duplicateOf, basis and errors are optional).");
        }

        string? Field(IReadOnlyList<string> fields, int index) => index >= 0 && index < fields.Count && fields[index].Length > 0 ? fields[index] : null;
        var rows = new List<ImportedRow>();
        foreach (var row in csv.ReadRecords())
        {
            var f = row.Fields;
            rows.Add(new ImportedRow(
                int.Parse(f[record], CultureInfo.InvariantCulture),
                f[status].Trim().ToLowerInvariant(),
                Field(f, person),
                Field(f, duplicateOf) is { } d ? int.Parse(d, CultureInfo.InvariantCulture) : null,
                Field(f, basis),
                Field(f, errors)));
        }

        return rows;
    }
}

/// <summary>
/// How well an import did against the truth. Dedupe is scored over pairs of rows the truth calls valid: a pair is
/// predicted when the import gave both rows the same person, true when the truth gives both the same person key.
/// Invalid rows are scored as a detection: predicted invalid against truly invalid.
/// </summary>
internal sealed record ImportScore(
    long TruePairs,
    long PredictedPairs,
    long CorrectPairs,
    int TrulyInvalid,
    int PredictedInvalid,
    int CorrectlyInvalid,
    int ExpectedReasonsReported,
    bool ReasonsCompared,
    int MissingRows,
    IReadOnlyDictionary<string, (int Rows, int AsExpected)> ByVariant)
{
    public double DedupePrecision => PredictedPairs == 0 ? 1 : (double)CorrectPairs / PredictedPairs;

    public double DedupeRecall => TruePairs == 0 ? 1 : (double)CorrectPairs / TruePairs;

    public double InvalidPrecision => PredictedInvalid == 0 ? 1 : (double)CorrectlyInvalid / PredictedInvalid;

    public double InvalidRecall => TrulyInvalid == 0 ? 1 : (double)CorrectlyInvalid / TrulyInvalid;

    public static ImportScore Compute(IReadOnlyList<TruthRecord> truth, IReadOnlyList<ImportedRow> results)
    {
        var byRecord = new Dictionary<int, ImportedRow>(results.Count);
        foreach (var row in results)
        {
            byRecord[row.Record] = row;
        }

        // A duplicate row may name only the row it duplicates: follow duplicateOf to a person.
        string? PersonOf(ImportedRow row)
        {
            for (var (current, hops) = (row, 0); hops < 100; hops++)
            {
                if (current.PersonId is { } id)
                {
                    return id;
                }

                if (current.DuplicateOf is not { } of || !byRecord.TryGetValue(of, out var next))
                {
                    return null;
                }

                current = next;
            }

            return null;
        }

        var perKey = new Dictionary<string, long>(StringComparer.Ordinal);
        var perPerson = new Dictionary<string, long>(StringComparer.Ordinal);
        var perBoth = new Dictionary<(string, string), long>();
        var personByRecord = new Dictionary<int, string?>(truth.Count);
        int trulyInvalid = 0, predictedInvalid = 0, correctlyInvalid = 0, reasonsReported = 0, missing = 0;
        var reasonsCompared = results.Any(r => r.Errors is not null);
        foreach (var expected in truth)
        {
            if (!byRecord.TryGetValue(expected.Record, out var row))
            {
                missing++;
                row = new ImportedRow(expected.Record, "missing", null, null, null, null);
            }

            var person = row.Accepted && row.Status != "missing" ? PersonOf(row) : null;
            personByRecord[expected.Record] = person;
            if (row.Status == "invalid")
            {
                predictedInvalid++;
            }

            if (!expected.Valid)
            {
                trulyInvalid++;
                if (row.Status == "invalid")
                {
                    correctlyInvalid++;
                    if (reasonsCompared && ReportsAll(expected.Reasons, row.Errors))
                    {
                        reasonsReported++;
                    }
                }

                continue;
            }

            perKey[expected.PersonKey] = perKey.GetValueOrDefault(expected.PersonKey) + 1;
            if (person is not null)
            {
                perPerson[person] = perPerson.GetValueOrDefault(person) + 1;
                perBoth[(expected.PersonKey, person)] = perBoth.GetValueOrDefault((expected.PersonKey, person)) + 1;
            }
        }

        static long Pairs(IEnumerable<long> sizes) => sizes.Sum(n => n * (n - 1) / 2);

        // Per planted variant: a duplicate is as expected when it went to its source's person, a family row or a
        // namesake when it did not.
        var byVariant = new SortedDictionary<string, (int Rows, int AsExpected)>(StringComparer.Ordinal);
        foreach (var expected in truth.Where(t => t.Valid && t.Variant.Length > 0 && t.SourceRecord is not null))
        {
            var person = personByRecord[expected.Record];
            var sourcePerson = personByRecord.GetValueOrDefault(expected.SourceRecord!.Value);
            var together = person is not null && person == sourcePerson;
            var asExpected = Variants.IsDuplicate(expected.Variant) ? together : person is not null && !together;
            var (rows, ok) = byVariant.GetValueOrDefault(expected.Variant);
            byVariant[expected.Variant] = (rows + 1, ok + (asExpected ? 1 : 0));
        }

        return new ImportScore(
            Pairs(perKey.Values), Pairs(perPerson.Values), Pairs(perBoth.Values),
            trulyInvalid, predictedInvalid, correctlyInvalid, reasonsReported, reasonsCompared, missing, byVariant);
    }

    // Every expected reason is among those reported (a reported "field:reason" also matches an expected bare reason).
    private static bool ReportsAll(string expected, string? reported)
    {
        var got = (reported ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return expected.Split(';', StringSplitOptions.RemoveEmptyEntries).All(e =>
            got.Contains(e, StringComparer.Ordinal) || got.Any(g => g.EndsWith(":" + e, StringComparison.Ordinal) || e.EndsWith(":" + g, StringComparison.Ordinal)));
    }

    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"dedupe, over pairs of rows valid in the truth:");
        text.AppendLine(CultureInfo.InvariantCulture, $"  precision {DedupePrecision:P2}  ({CorrectPairs:N0} of {PredictedPairs:N0} pairs the import put together)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  recall    {DedupeRecall:P2}  ({CorrectPairs:N0} of {TruePairs:N0} pairs of the same person)");
        text.AppendLine(CultureInfo.InvariantCulture, $"invalid rows:");
        text.AppendLine(CultureInfo.InvariantCulture, $"  precision {InvalidPrecision:P2}  ({CorrectlyInvalid:N0} of {PredictedInvalid:N0} rows the import refused)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  recall    {InvalidRecall:P2}  ({CorrectlyInvalid:N0} of {TrulyInvalid:N0} invalid rows)");
        if (ReasonsCompared)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  with every expected reason reported: {ExpectedReasonsReported:N0} of {CorrectlyInvalid:N0}");
        }

        if (MissingRows > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"records missing from the results: {MissingRows:N0}");
        }

        text.AppendLine("planted rows handled as expected (duplicates with their person, family rows and namesakes apart):");
        foreach (var (variant, (rows, ok)) in ByVariant)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {variant,-12} {ok,9:N0} of {rows,9:N0}  {(rows == 0 ? 1 : (double)ok / rows),8:P2}");
        }

        return text.ToString();
    }
}
