using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CareDesk.Bench.Imports;

/// <summary>
/// Scores an import's row results against the truth: from a CSV export (<c>--rows</c>), or paged from the import's
/// API (<c>--api</c>, <c>--import</c>, with a bearer token or a cookie), optionally saved as that CSV (<c>--save</c>).
/// With <c>--min</c>, exits 1 when dedupe precision or recall is below it (issue 15 asks 0.995).
/// </summary>
internal static class EvaluateCommand
{
    public static async Task<int> RunAsync(CommandLine options)
    {
        var truth = TruthRecord.ReadAll(options.Require("truth"));
        var results = options.Get("rows") is { } path
            ? ImportedRow.ReadCsv(path)
            : await FetchAsync(options);
        if (options.Get("save") is { } save)
        {
            await File.WriteAllLinesAsync(save, results.Select(r => string.Create(
                CultureInfo.InvariantCulture,
                $"{r.Record},{r.Status},{r.PersonId},{r.DuplicateOf},{r.Basis},\"{r.Errors?.Replace("\"", "\"\"", StringComparison.Ordinal)}\"")).Prepend("record,status,personId,duplicateOf,basis,errors"));
        }

        var score = ImportScore.Compute(truth, results);
        Console.Write(score.Describe());
        if (options.Get("min") is { } min && double.Parse(min, CultureInfo.InvariantCulture) is var threshold
            && (score.DedupePrecision < threshold || score.DedupeRecall < threshold))
        {
            Console.WriteLine($"FAIL: dedupe precision or recall below {threshold:P1}");
            return 1;
        }

        return 0;
    }

    /// <summary>
    /// Pages <c>GET {api}/api/imports/{id}/rows?page=N&amp;pageSize=1000</c> until a short page. The page may be a JSON
    /// array or an object holding one under <c>items</c>, <c>rows</c> or <c>data</c>; <c>errors</c> may be strings or
    /// <c>{ field, reason }</c> objects. The API is not built yet: adjust here when it is.
    /// </summary>
    private static async Task<List<ImportedRow>> FetchAsync(CommandLine options)
    {
        var api = options.Require("api").TrimEnd('/');
        var import = options.Require("import");
        var pageSize = options.Int("page-size", 1000);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        if (options.Get("bearer") is { } token)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (options.Get("cookie") is { } cookie)
        {
            http.DefaultRequestHeaders.Add("Cookie", cookie);
        }

        var rows = new List<ImportedRow>();
        for (var page = 1; ; page++)
        {
            var url = new Uri($"{api}/api/imports/{Uri.EscapeDataString(import)}/rows?page={page}&pageSize={pageSize}");
            using var document = JsonDocument.Parse(await http.GetStringAsync(url));
            var items = document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement
                : new[] { "items", "rows", "data" }.Select(name => document.RootElement.TryGetProperty(name, out var list) ? list : default)
                    .FirstOrDefault(list => list.ValueKind == JsonValueKind.Array);
            var count = 0;
            foreach (var item in items.ValueKind == JsonValueKind.Array ? items.EnumerateArray() : Enumerable.Empty<JsonElement>())
            {
                count++;
                rows.Add(new ImportedRow(
                    item.GetProperty("record").GetInt32(),
                    Text(item, "status")?.ToLowerInvariant() ?? "",
                    Text(item, "personId"),
                    item.TryGetProperty("duplicateOf", out var of) && of.ValueKind == JsonValueKind.Number ? of.GetInt32() : null,
                    Text(item, "basis"),
                    Errors(item)));
            }

            if (count < pageSize)
            {
                return rows;
            }
        }
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        } : null;

    private static string? Errors(JsonElement item)
    {
        if (!item.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var error in errors.EnumerateArray())
        {
            var one = error.ValueKind == JsonValueKind.Object
                ? (Text(error, "field") is { Length: > 0 } field ? field + ":" : "") + Text(error, "reason")
                : error.GetString();
            text.Append(text.Length > 0 ? ";" : "").Append(one);
        }

        return text.ToString();
    }
}
