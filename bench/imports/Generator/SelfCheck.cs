using System.Text;
using CareDesk.Features.Imports.Cells;
using CareDesk.Features.Imports.Matching;
using CareDesk.Features.Imports.Reading;
using CareDesk.Features.People;
using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace CareDesk.Bench.Imports;

/// <summary>
/// The generator's test: generates files (CSV in UTF-8 with BOM and CRLF, CSV in GB18030 with LF, XLSX), reads them
/// back with the import's own reader and cell rules, and checks that the truth is what the product will find: every
/// record where the truth says, valid rows accepted (their phones valid by libphonenumber), invalid rows refused with
/// exactly the planted reasons, every name variant of the kind planted, no two people sharing a phone or a name and
/// birthday unless planted, the planted rates within tolerance, and a perfect import scoring 100 %.
/// </summary>
internal static class SelfCheck
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static int Run(CommandLine options)
    {
        var rows = options.Int("rows", 10_000);
        var seed = options.Int("seed", 15);
        var folder = Directory.CreateTempSubdirectory("caredesk-import-bench-");
        var failures = new List<string>();
        try
        {
            Check(failures, folder.FullName, "csv", "utf8-bom", "crlf", rows, seed, checkRates: true);
            Check(failures, folder.FullName, "csv", "gb18030", "lf", Math.Max(2_000, rows / 5), seed + 1, checkRates: false);
            Check(failures, folder.FullName, "xlsx", "utf8-bom", "crlf", Math.Max(1_000, rows / 10), seed + 2, checkRates: false);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        foreach (var failure in failures.Take(50))
        {
            Console.WriteLine("FAIL " + failure);
        }

        Console.WriteLine(failures.Count == 0 ? "self-check passed" : $"self-check failed: {failures.Count} problem(s)");
        return failures.Count == 0 ? 0 : 1;
    }

    private static void Check(List<string> failures, string folder, string format, string encoding, string newline, int rows, int seed, bool checkRates)
    {
        var name = $"{format}-{encoding}-{newline}";
        var output = Path.Combine(folder, $"{name}.{format}");
        var truthPath = Path.Combine(folder, $"{name}-truth.csv");
        GenerateCommand.Generate(rows, seed, format, encoding, newline, output, truthPath);
        var truth = TruthRecord.ReadAll(truthPath);
        void Fail(string message) => failures.Add($"{name}: {message}");

        if (truth.Count != rows)
        {
            Fail($"truth has {truth.Count} records, {rows} asked");
        }

        if (checkRates)
        {
            CheckRates(truth, Fail);
        }

        var rowsRead = ReadBack(output, format, encoding, truth, Fail);
        CheckVariants(truth, rowsRead, Fail);
        CheckNoAccidentalMatches(truth, rowsRead, Fail);
        CheckPerfectImportScores(truth, Fail);
        Console.WriteLine($"{name}: {rows:N0} records checked");
    }

    private static void CheckRates(List<TruthRecord> truth, Action<string> fail)
    {
        double Rate(Func<TruthRecord, bool> which) => (double)truth.Count(which) / truth.Count;
        void Within(string what, double actual, double expected, double tolerance)
        {
            if (Math.Abs(actual - expected) > tolerance)
            {
                fail($"{what} planted at {actual:P2}, expected {expected:P2} ± {tolerance:P2}");
            }
        }

        Within("duplicates", Rate(t => t.Valid && Variants.IsDuplicate(t.Variant)), 0.08, 0.01);
        Within("family rows", Rate(t => t.Variant == Variants.Family), 0.01, 0.004);
        Within("namesakes", Rate(t => t.Variant == Variants.Namesake), 0.005, 0.003);
        Within("invalid rows", Rate(t => !t.Valid), 0.03, 0.007);
        foreach (var variant in Variants.Duplicates)
        {
            var expected = PlantedRates.Kinds.First(k => VariantName(k.Kind) == variant).PerMille / 1000.0;
            Within(variant + " duplicates", Rate(t => t.Variant == variant), expected, 0.005);
        }
    }

    private static string VariantName(PlantedKind kind) => kind switch
    {
        PlantedKind.Exact => Variants.Exact,
        PlantedKind.Normalized => Variants.Normalized,
        PlantedKind.Traditional => Variants.Traditional,
        PlantedKind.Pinyin => Variants.Pinyin,
        PlantedKind.Homophone => Variants.Homophone,
        PlantedKind.NameAndDob => Variants.NameAndDob,
        _ => kind.ToString(),
    };

    /// <summary>A record as the import will see it: the name as written, and the row's values once accepted.</summary>
    private sealed record ReadRow(string? WrittenName, NormalizedRow? Row)
    {
        public IEnumerable<string> Phones => Row is null ? [] : Row.Mobile.Concat(Row.Phone).Select(p => p.E164);
    }

    private static Dictionary<int, ReadRow> ReadBack(string path, string format, string encoding, List<TruthRecord> truth, Action<string> fail)
    {
        var normalizer = new ImportRowNormalizer(
            new PhoneCell(new PhoneNumberParser(Options.Create(new PeopleOptions { DefaultRegion = "CN" }))),
            new DateCell(TimeProvider.System));
        using var stream = File.OpenRead(path);
        var read = DistributorFileReader.Read(stream, Path.GetFileName(path));
        if (read.IsRejected)
        {
            fail($"the reader refused the file: {read.Rejection.Reason} {read.Rejection.Detail}");
            return [];
        }

        using var file = read.File;
        var expectedEncoding = format == "xlsx" ? null : encoding == "gb18030" ? "gb18030" : encoding == "utf8" ? "utf-8" : "utf-8-bom";
        if (file.Encoding != expectedEncoding)
        {
            fail($"encoding read as {file.Encoding}, written as {expectedEncoding}");
        }

        var unmapped = ImportField.All.Where(f => file.Mapping.ColumnOf(f) is null).ToList();
        if (unmapped.Count > 0 || file.Mapping.Duplicates.Count > 0 || !file.Mapping.Ignored.Any(c => c.Header == "序号"))
        {
            fail($"header mapping: unmapped {string.Join(' ', unmapped)}, {file.Mapping.Duplicates.Count} duplicate columns, 序号 ignored: {file.Mapping.Ignored.Any(c => c.Header == "序号")}");
        }

        var byRecord = truth.ToDictionary(t => t.Record);
        var rows = new Dictionary<int, ReadRow>(truth.Count);
        var count = 0;
        var typedCells = new Dictionary<CellKind, int>();
        foreach (var record in file.ReadRecords())
        {
            count++;
            foreach (var cell in record.Cells)
            {
                typedCells[cell.Kind] = typedCells.GetValueOrDefault(cell.Kind) + 1;
            }

            if (!byRecord.TryGetValue(record.Number, out var expected))
            {
                fail($"record {record.Number} (line {record.Line}) is not in the truth");
                continue;
            }

            if (record.Line != expected.Line)
            {
                fail($"record {record.Number} starts on line {record.Line}, the truth says {expected.Line}");
            }

            string reasons;
            string? writtenName = null;
            NormalizedRow? normalized = null;
            if (!record.IsValid)
            {
                reasons = record.Problem!;
            }
            else
            {
                var cells = file.Mapping.ColumnByField.ToDictionary(m => m.Key, m => record.CellAt(m.Value), StringComparer.Ordinal);
                writtenName = cells[ImportField.Name].Raw;
                var result = normalizer.Normalize(cells, "CN");
                normalized = result.Row;
                reasons = string.Join(';', result.Problems.Select(p => $"{p.Field}:{Code(p.Reason)}").Order(StringComparer.Ordinal));
            }

            var expectedReasons = string.Join(';', expected.Reasons.Split(';', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
            if (reasons != expectedReasons)
            {
                fail($"record {record.Number}: the import would report \"{reasons}\", the truth says \"{expectedReasons}\" ({record.Raw ?? string.Join(" | ", record.Cells.Select(c => c.Raw))})");
            }

            if (normalized is not null)
            {
                foreach (var phone in normalized.Mobile.Concat(normalized.Phone))
                {
                    if (!Util.IsValidNumber(Util.Parse(phone.E164, null)))
                    {
                        fail($"record {record.Number}: phone {phone.E164} is not valid by libphonenumber");
                    }
                }
            }

            rows[record.Number] = new ReadRow(writtenName, normalized);
        }

        if (format == "xlsx" && (typedCells.GetValueOrDefault(CellKind.Date) == 0 || typedCells.GetValueOrDefault(CellKind.Number) == 0))
        {
            fail($"the XLSX holds {typedCells.GetValueOrDefault(CellKind.Date)} date cells and {typedCells.GetValueOrDefault(CellKind.Number)} number cells; some of each are written");
        }

        if (count != truth.Count)
        {
            fail($"the reader found {count} records, the truth has {truth.Count}");
        }

        return rows;
    }

    // CellReason's report code: ContainsLetters → contains_letters.
    private static string Code(CellReason reason)
    {
        var name = reason.ToString();
        var code = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && code.Length > 0)
            {
                code.Append('_');
            }

            code.Append(char.ToLowerInvariant(c));
        }

        return code.ToString();
    }

    private static void CheckVariants(List<TruthRecord> truth, Dictionary<int, ReadRow> rows, Action<string> fail)
    {
        foreach (var planted in truth.Where(t => t.Valid && t.SourceRecord is not null))
        {
            if (!rows.TryGetValue(planted.Record, out var row) || !rows.TryGetValue(planted.SourceRecord!.Value, out var source)
                || row.Row is null || source.Row is null)
            {
                fail($"record {planted.Record} ({planted.Variant}) or its source {planted.SourceRecord} was not read as valid");
                continue;
            }

            var match = NameEquivalence.Compare(source.WrittenName!, row.WrittenName!);
            var sharesPhone = row.Phones.Intersect(source.Phones).Any();
            var sameBirth = row.Row.DateOfBirth is { } birth && birth == source.Row.DateOfBirth;
            var (expectedMatch, expectedPhone) = planted.Variant switch
            {
                Variants.Exact => (NameMatch.Exact, true),
                Variants.Normalized => (NameMatch.Normalized, true),
                Variants.Traditional => (NameMatch.Traditional, true),
                Variants.Pinyin => (NameMatch.Pinyin, true),
                Variants.Homophone => (NameMatch.Homophone, true),
                Variants.NameAndDob => (NameMatch.Exact, false),
                Variants.Family => (NameMatch.None, true),
                _ => (NameMatch.Exact, false),
            };

            if (match != expectedMatch || sharesPhone != expectedPhone
                || (planted.Variant == Variants.NameAndDob && !sameBirth) || (planted.Variant == Variants.Namesake && sameBirth))
            {
                fail($"record {planted.Record} planted as {planted.Variant} of {planted.SourceRecord}: names {source.WrittenName}/{row.WrittenName} match {match}, share a phone {sharesPhone}, same birth date {sameBirth}");
            }
        }
    }

    // Two different people never share a phone (except a family row with the number's owner) nor an equivalent name
    // with the same date of birth: else the issue's rules would merge what the truth keeps apart.
    private static void CheckNoAccidentalMatches(List<TruthRecord> truth, Dictionary<int, ReadRow> rows, Action<string> fail)
    {
        var valid = truth.Where(t => t.Valid && rows.TryGetValue(t.Record, out var r) && r.Row is not null).ToList();
        var familyKeys = valid.Where(t => t.Variant == Variants.Family).Select(t => t.PersonKey).ToHashSet(StringComparer.Ordinal);
        foreach (var shared in valid.SelectMany(t => rows[t.Record].Phones.Select(p => (Phone: p, t.PersonKey))).GroupBy(x => x.Phone))
        {
            var owners = shared.Select(x => x.PersonKey).Distinct().Where(k => !familyKeys.Contains(k)).ToList();
            if (owners.Count > 1)
            {
                fail($"phone {shared.Key} is shared by {string.Join(", ", owners)}");
            }
        }

        foreach (var sameDay in valid.Where(t => rows[t.Record].Row!.DateOfBirth is not null).GroupBy(t => rows[t.Record].Row!.DateOfBirth))
        {
            var people = sameDay.ToList();
            for (var i = 0; i < people.Count; i++)
            {
                for (var j = i + 1; j < people.Count; j++)
                {
                    if (people[i].PersonKey != people[j].PersonKey
                        && NameEquivalence.Compare(rows[people[i].Record].WrittenName!, rows[people[j].Record].WrittenName!) != NameMatch.None)
                    {
                        fail($"records {people[i].Record} and {people[j].Record}: different people with equivalent names born the same day");
                    }
                }
            }
        }
    }

    private static void CheckPerfectImportScores(List<TruthRecord> truth, Action<string> fail)
    {
        var firstOfPerson = new Dictionary<string, int>(StringComparer.Ordinal);
        var perfect = truth.Select(t =>
        {
            if (!t.Valid)
            {
                return new ImportedRow(t.Record, "invalid", null, null, null, t.Reasons);
            }

            var first = firstOfPerson.TryAdd(t.PersonKey, t.Record);
            return first
                ? new ImportedRow(t.Record, "created", t.PersonKey, null, null, null)
                : new ImportedRow(t.Record, "duplicate", null, firstOfPerson[t.PersonKey], t.Variant, null);
        }).ToList();
        var score = ImportScore.Compute(truth, perfect);
        if (score.DedupePrecision != 1 || score.DedupeRecall != 1 || score.InvalidPrecision != 1 || score.InvalidRecall != 1
            || score.ExpectedReasonsReported != score.TrulyInvalid || score.ByVariant.Any(v => v.Value.Rows != v.Value.AsExpected))
        {
            fail("a perfect import does not score 100 %:" + Environment.NewLine + score.Describe());
        }

        var merged = perfect.Select(r => r with { PersonId = r.Status == "invalid" ? null : "everyone", DuplicateOf = null }).ToList();
        if (ImportScore.Compute(truth, merged).DedupePrecision >= 0.5)
        {
            fail("an import that merges everyone scores a dedupe precision of 50 % or more");
        }
    }
}
