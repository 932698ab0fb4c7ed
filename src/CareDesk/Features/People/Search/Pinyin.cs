namespace CareDesk.Features.People.Search;

/// <summary>
/// Every Mandarin reading of a CJK ideograph, without tones (王 → wang; 单 → chan, dan, shan), from Unicode's Unihan
/// database (<c>pinyin-readings.txt</c> beside this file, built by <c>scripts/generate-pinyin-data.py</c>; its source and
/// licence in README.md there). ü is written v, as pinyin keyboards type it.
/// </summary>
public static class Pinyin
{
    private static readonly Lazy<Dictionary<char, string[]>> Readings = new(Load);

    /// <summary>The readings of <paramref name="ideograph"/>, none for anything else.</summary>
    public static IReadOnlyList<string> Of(char ideograph) =>
        Readings.Value.TryGetValue(ideograph, out var readings) ? readings : [];

    private static Dictionary<char, string[]> Load()
    {
        using var stream = typeof(Pinyin).Assembly.GetManifestResourceStream("CareDesk.Features.People.Search.pinyin-readings.txt")
            ?? throw new InvalidOperationException("The pinyin readings are not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var readings = new Dictionary<char, List<string>>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var syllable = line[..tab];
            foreach (var ideograph in line.AsSpan(tab + 1))
            {
                if (!readings.TryGetValue(ideograph, out var list))
                {
                    readings[ideograph] = list = [];
                }

                list.Add(syllable);
            }
        }

        return readings.ToDictionary(r => r.Key, r => r.Value.ToArray());
    }
}
