namespace CareDesk.Features.Imports.Matching;

/// <summary>
/// Folds traditional Chinese ideographs to simplified ones (陳 → 陈), from Unicode's Unihan database
/// (<c>simplified-variants.txt</c> beside this file, built by <c>scripts/generate-simplified-data.py</c>; its source and
/// licence in README.md there). Anything else, simplified ideographs included, folds to itself.
/// </summary>
public static class SimplifiedChinese
{
    private static readonly Lazy<Dictionary<char, char>> Simplified = new(Load);

    public static char Fold(char character) =>
        Simplified.Value.TryGetValue(character, out var simplified) ? simplified : character;

    public static string Fold(string text) => string.Create(text.Length, text, static (folded, text) =>
    {
        for (var i = 0; i < text.Length; i++)
        {
            folded[i] = Fold(text[i]);
        }
    });

    private static Dictionary<char, char> Load()
    {
        using var stream = typeof(SimplifiedChinese).Assembly.GetManifestResourceStream("CareDesk.Features.Imports.Matching.simplified-variants.txt")
            ?? throw new InvalidOperationException("The simplified variants are not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var simplified = new Dictionary<char, char>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            // "traditional<TAB>simplified", both in the Basic Multilingual Plane: one UTF-16 unit each.
            simplified[line[0]] = line[2];
        }

        return simplified;
    }
}
