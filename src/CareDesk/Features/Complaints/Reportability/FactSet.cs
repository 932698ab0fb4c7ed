namespace CareDesk.Features.Complaints.Reportability;

/// <summary>
/// The answers known at one moment: a fact not answered is unknown. A later set laid over an earlier one replaces
/// only the facts it answers (yes/no/suspected); "unknown" never erases what was known.
/// </summary>
public sealed class FactSet
{
    public static readonly FactSet Empty = new(new Dictionary<string, FactValue>());

    private readonly IReadOnlyDictionary<string, FactValue> values;

    public FactSet(IReadOnlyDictionary<string, FactValue> values) => this.values = values;

    public FactValue this[string name] => values.TryGetValue(name, out var value) ? value : FactValue.Unknown;

    public IReadOnlyDictionary<string, FactValue> Values => values;

    public bool Yes(string name) => this[name] is FactValue.Yes or FactValue.Suspected;

    public bool No(string name) => this[name] == FactValue.No;

    public bool Unknown(string name) => this[name] == FactValue.Unknown;

    public FactSet Then(FactSet later)
    {
        var merged = new Dictionary<string, FactValue>(values, StringComparer.Ordinal);
        foreach (var (name, value) in later.values)
        {
            if (value != FactValue.Unknown)
            {
                merged[name] = value;
            }
        }

        return new FactSet(merged);
    }

    public static FactSet Of(params (string Name, FactValue Value)[] facts) =>
        new(facts.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal));
}
