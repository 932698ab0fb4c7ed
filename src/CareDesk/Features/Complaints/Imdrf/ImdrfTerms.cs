using System.Collections.Frozen;

namespace CareDesk.Features.Complaints.Imdrf;

/// <summary>
/// The IMDRF terms CareDesk ships (Features/Complaints/Imdrf/README.md: source, release, licence), loaded once.
/// </summary>
public sealed class ImdrfTerms
{
    public const string Release = "2022";

    private readonly FrozenDictionary<string, ImdrfTerm> byCode;

    private readonly FrozenDictionary<string, string[]> children;

    private ImdrfTerms(IReadOnlyList<ImdrfTerm> terms)
    {
        All = terms;
        byCode = terms.ToFrozenDictionary(t => t.Code, StringComparer.OrdinalIgnoreCase);
        children = terms.SelectMany(t => t.Parents.Select(p => (Parent: p, Child: t.Code)))
            .GroupBy(x => x.Parent, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Child).ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// <paramref name="code"/> and every term under it (its children, theirs…), each once: a trend of a parent code counts
    /// the complaints coded with any of them (F18).
    /// </summary>
    public IReadOnlyList<string> WithDescendants(string code)
    {
        var found = new List<string> { code };
        var seen = new HashSet<string>(found, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < found.Count; i++)
        {
            foreach (var child in children.GetValueOrDefault(found[i]) ?? [])
            {
                if (seen.Add(child))
                {
                    found.Add(child);
                }
            }
        }

        return found;
    }

    /// <summary>The codes above <paramref name="code"/> (every parent, theirs…), nearest first; empty at the top or for an unknown code.</summary>
    public IReadOnlyList<string> Ancestors(string code)
    {
        var found = new List<string>();
        var queue = new Queue<string>(Find(code)?.Parents ?? []);
        while (queue.TryDequeue(out var parent))
        {
            if (!found.Contains(parent, StringComparer.OrdinalIgnoreCase) && Find(parent) is { } term)
            {
                found.Add(term.Code);
                foreach (var above in term.Parents)
                {
                    queue.Enqueue(above);
                }
            }
        }

        return found;
    }

    public static ImdrfTerms Shipped { get; } = Load();

    public IReadOnlyList<ImdrfTerm> All { get; }

    public ImdrfTerm? Find(string code) => byCode.GetValueOrDefault(code.Trim());

    /// <summary>
    /// The terms from the top of the hierarchy down to <paramref name="code"/> through its first parent at each level, or
    /// empty for an unknown code.
    /// </summary>
    public IReadOnlyList<ImdrfTerm> Path(string code)
    {
        var path = new List<ImdrfTerm>();
        for (var term = Find(code); term is not null; term = term.Parents.Count > 0 ? Find(term.Parents[0]) : null)
        {
            path.Insert(0, term);
        }

        return path;
    }

    /// <summary>Selectable terms of one annex whose code starts with, or whose term contains, every word of the query.</summary>
    public IEnumerable<ImdrfTerm> Search(char annex, string query)
    {
        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return All.Where(t => t.Annex == char.ToUpperInvariant(annex) && t.Selectable && words.All(w =>
            t.Code.StartsWith(w, StringComparison.OrdinalIgnoreCase) || t.Term.Contains(w, StringComparison.OrdinalIgnoreCase)));
    }

    private static ImdrfTerms Load()
    {
        using var stream = typeof(ImdrfTerms).Assembly.GetManifestResourceStream("CareDesk.Features.Complaints.Imdrf.imdrf-terms.tsv")
            ?? throw new InvalidOperationException("The IMDRF terms are not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var terms = new List<ImdrfTerm>(2000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            terms.Add(new ImdrfTerm(f[0][0], f[1], f[2].Split(' ', StringSplitOptions.RemoveEmptyEntries), f[3] == "1", f[4], f[5]));
        }

        return new ImdrfTerms(terms);
    }
}
