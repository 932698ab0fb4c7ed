using CareDesk.Features.Imports.Reading;

namespace CareDesk.Features.Imports.Pages;

/// <summary>
/// One previewed file and the field the person reads each column as (none: ignored). A field is read from one column:
/// choosing it for a column takes it from any other.
/// </summary>
public sealed class ImportFileChoice
{
    private readonly Dictionary<int, string> fieldByColumn;

    public ImportFileChoice(InspectedFile file)
    {
        File = file;
        fieldByColumn = file.Mapping.ToDictionary(kv => kv.Value, kv => kv.Key);
    }

    public InspectedFile File { get; }

    public string? FieldOf(int column) => fieldByColumn.GetValueOrDefault(column);

    public void Choose(int column, string? field)
    {
        if (field is not null)
        {
            foreach (var other in fieldByColumn.Where(kv => kv.Value == field).Select(kv => kv.Key).ToList())
            {
                fieldByColumn.Remove(other);
            }

            fieldByColumn[column] = field;
        }
        else
        {
            fieldByColumn.Remove(column);
        }
    }

    /// <summary>
    /// What the person changed from the preview's mapping, as <see cref="StartImport"/> takes it: field → its new column,
    /// or null for a field no column is read for any more. Null when nothing changed (the guess stands).
    /// </summary>
    public IReadOnlyDictionary<string, int?>? Overrides()
    {
        var chosen = fieldByColumn.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);
        var changes = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var field in ImportField.All)
        {
            int? was = File.Mapping.TryGetValue(field, out var before) ? before : null;
            int? now = chosen.TryGetValue(field, out var after) ? after : null;
            if (was != now)
            {
                changes[field] = now;
            }
        }

        return changes.Count == 0 ? null : changes;
    }
}
