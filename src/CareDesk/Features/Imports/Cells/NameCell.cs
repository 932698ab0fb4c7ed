using System.Globalization;
using System.Text;
using CareDesk.Features.Imports.Reading;

namespace CareDesk.Features.Imports.Cells;

/// <summary>
/// A person's name. Spaces inside an all-CJK name are typing noise ("王 芳" is 王芳: Chinese names have no spaces), a
/// Latin name keeps one space between its parts ("John Smith"). The length counts characters as people see them (a
/// rare character outside the BMP is one).
/// </summary>
public static class NameCell
{
    /// <summary>One character is a surname or an initial, not a name we can greet someone by.</summary>
    public const int MinLength = 2;

    /// <summary>Long enough for a transliterated minority name (阿卜杜热合曼·买买提…) or a full Western name.</summary>
    public const int MaxLength = 50;

    public static CellResult<string> Parse(CellValue cell)
    {
        if (TextCell.Clean(cell) is not { } text)
        {
            return CellResult<string>.Blank;
        }

        var name = IsAllCjk(text) ? RemoveWhitespace(text) : TextCell.CollapseWhitespace(text);
        var length = new StringInfo(name).LengthInTextElements;
        return length < MinLength ? CellReason.TooShort
            : length > MaxLength ? CellReason.TooLong
            : CellResult<string>.Of(name);
    }

    private static bool IsAllCjk(string text)
    {
        var any = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                continue;
            }

            // The middle dot joins the parts of Uyghur and foreign names written in characters (买买提·艾力).
            if (!IsHan(rune.Value) && rune.Value is not ('·' or '•' or '・'))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    private static bool IsHan(int c) =>
        c is (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3FFFF) or 0x3007;

    private static string RemoveWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
