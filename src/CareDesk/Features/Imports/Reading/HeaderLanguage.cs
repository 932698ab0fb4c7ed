namespace CareDesk.Features.Imports.Reading;

/// <summary>The language of a file's headers, as the import reports it.</summary>
public static class HeaderLanguage
{
    public const string Chinese = "zh";
    public const string English = "en";
    public const string Mixed = "mixed";

    /// <summary>No header with letters in it (numbers only, or all blank).</summary>
    public const string Unknown = "unknown";

    public static string Detect(IEnumerable<string> headers)
    {
        bool chinese = false, english = false;
        foreach (var header in headers)
        {
            foreach (var ch in header)
            {
                if (IsHan(ch))
                {
                    chinese = true;
                }
                else if (char.IsAsciiLetter(ch))
                {
                    english = true;
                }
            }
        }

        return (chinese, english) switch
        {
            (true, true) => Mixed,
            (true, false) => Chinese,
            (false, true) => English,
            _ => Unknown,
        };
    }

    // CJK ideographs of the BMP; headers outside it do not occur.
    private static bool IsHan(char ch) => ch is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');
}
