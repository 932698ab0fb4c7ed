namespace CareDesk.Features.Imports.Reading;

/// <summary>
/// Which column holds which <see cref="ImportField"/>, guessed from the headers by <see cref="HeaderSynonyms"/> and shown
/// for confirmation; a person corrects it with <see cref="WithOverrides"/> before the import runs.
/// </summary>
public sealed class HeaderMapping
{
    private readonly Dictionary<string, int> _columnByField;

    private HeaderMapping(IReadOnlyList<string> headers, Dictionary<string, int> columnByField, IReadOnlyList<DuplicateColumn> duplicates)
    {
        Headers = headers;
        _columnByField = columnByField;
        Duplicates = duplicates;
        var mapped = columnByField.Values.ToHashSet();
        Ignored = [.. headers.Select((h, i) => new HeaderColumn(i, h)).Where(c => !mapped.Contains(c.Index) && c.Header.Trim().Length > 0)];
        Language = HeaderLanguage.Detect(headers);
    }

    public IReadOnlyList<string> Headers { get; }

    /// <summary>Field → 0-based column index, for the fields found.</summary>
    public IReadOnlyDictionary<string, int> ColumnByField => _columnByField;

    /// <summary>Columns no field reads (序号, 销售员, …), listed so the person confirming the mapping sees what is left out.</summary>
    public IReadOnlyList<HeaderColumn> Ignored { get; }

    public IReadOnlyList<DuplicateColumn> Duplicates { get; }

    /// <summary>A <see cref="HeaderLanguage"/> code: <c>zh</c>, <c>en</c>, <c>mixed</c> or <c>unknown</c>.</summary>
    public string Language { get; }

    public static HeaderMapping FromHeaders(IReadOnlyList<string> headers)
    {
        var columnByField = new Dictionary<string, int>(StringComparer.Ordinal);
        var duplicates = new List<DuplicateColumn>();
        for (var index = 0; index < headers.Count; index++)
        {
            if (HeaderSynonyms.FieldOf(headers[index]) is not { } field)
            {
                continue;
            }

            // The leftmost column wins: exports put the main phone before "电话2".
            if (!columnByField.TryAdd(field, index))
            {
                duplicates.Add(new DuplicateColumn(field, index, headers[index]));
            }
        }

        return new HeaderMapping(headers, columnByField, duplicates);
    }

    public int? ColumnOf(string field) => _columnByField.TryGetValue(field, out var index) ? index : null;

    public string? HeaderOf(string field) => ColumnOf(field) is { } index ? Headers[index] : null;

    /// <summary>
    /// The mapping with a person's corrections: each field given a column index, or null to read no column for it.
    /// A column taken for one field is no longer read for another (a column means one thing); duplicates resolved by
    /// the override disappear from <see cref="Duplicates"/>.
    /// </summary>
    public HeaderMapping WithOverrides(IReadOnlyDictionary<string, int?> columnByField)
    {
        var result = new Dictionary<string, int>(_columnByField, StringComparer.Ordinal);
        foreach (var (field, index) in columnByField)
        {
            if (!ImportField.All.Contains(field))
            {
                throw new ArgumentException($"\"{field}\" is not an import field.", nameof(columnByField));
            }

            if (index is { } column && (column < 0 || column >= Headers.Count))
            {
                throw new ArgumentOutOfRangeException(nameof(columnByField), $"Column {column} of field \"{field}\" is outside the {Headers.Count} columns.");
            }
        }

        foreach (var (field, index) in columnByField)
        {
            result.Remove(field);
            if (index is { } column)
            {
                foreach (var other in result.Where(kv => kv.Value == column).Select(kv => kv.Key).ToList())
                {
                    result.Remove(other);
                }

                result[field] = column;
            }
        }

        var mapped = result.Values.ToHashSet();
        var duplicates = Duplicates.Where(d => !mapped.Contains(d.Index) && result.ContainsKey(d.Field)).ToList();
        return new HeaderMapping(Headers, result, duplicates);
    }
}
