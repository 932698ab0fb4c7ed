using System.Globalization;
using System.Text;
using CareDesk.Features.People.Search;

namespace CareDesk.Features.Imports.Matching;

/// <summary>
/// Whether two written names can be one person's name, and by what kind of variant (王芳 and "Fang Wang" by pinyin).
/// The rules, and why each stops where it does: docs/imports.md, "When two names are one person's".
/// </summary>
public static class NameEquivalence
{
    // Two-character surnames (simplified): the given name starts after them, and a homophone may not touch them.
    private static readonly HashSet<string> CompoundSurnames =
    [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "司徒", "司空", "夏侯", "轩辕",
        "长孙", "宇文", "澹台", "端木", "南宫", "西门", "独孤", "呼延", "赫连", "申屠", "万俟", "闻人", "东郭", "公羊",
        "钟离", "宗政", "濮阳", "淳于", "单于", "太叔", "百里", "拓跋", "左丘",
    ];

    // A Chinese name longer than this is not a person's name as distributors write it; the romanisation search is
    // not run on it, so no input can make it expensive.
    private const int LongestRomanisedName = 8;

    public static NameMatch Compare(string a, string b)
    {
        var left = Normalize(a);
        var right = Normalize(b);
        if (left.Length == 0 || right.Length == 0)
        {
            return NameMatch.None;
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return NameMatch.Exact;
        }

        if (string.Equals(left, right, StringComparison.Ordinal))
        {
            return NameMatch.Normalized;
        }

        var leftFolded = SimplifiedChinese.Fold(left);
        var rightFolded = SimplifiedChinese.Fold(right);
        if (string.Equals(leftFolded, rightFolded, StringComparison.Ordinal))
        {
            return NameMatch.Traditional;
        }

        if (IsRomanisation(left, leftFolded, right) || IsRomanisation(right, rightFolded, left))
        {
            return NameMatch.Pinyin;
        }

        return AreHomophones(left, leftFolded, right, rightFolded) ? NameMatch.Homophone : NameMatch.None;
    }

    /// <summary>NFKC, lower case, without whitespace or punctuation ("ＷＡＮＧ Fang" → "wangfang", "王 芳" → "王芳").</summary>
    internal static string Normalize(string name)
    {
        var compatible = name.Normalize(NormalizationForm.FormKC);
        var kept = new StringBuilder(compatible.Length);
        foreach (var character in compatible)
        {
            if (!char.IsWhiteSpace(character) && !char.IsPunctuation(character) && !char.IsSeparator(character) && !char.IsControl(character))
            {
                kept.Append(char.ToLower(character, CultureInfo.InvariantCulture));
            }
        }

        return kept.ToString();
    }

    // Is latin the pinyin of the Chinese name (as written and folded to simplified), surname first or last?
    private static bool IsRomanisation(string chinese, string folded, string latin)
    {
        if (chinese.Length > LongestRomanisedName || !IsAllIdeographs(chinese) || !IsAllLetters(latin))
        {
            return false;
        }

        var spelled = latin.Replace('ü', 'v');
        var readings = new IReadOnlyList<string>[chinese.Length];
        for (var i = 0; i < chinese.Length; i++)
        {
            readings[i] = ReadingsOf(chinese[i], folded[i]);
        }

        // Surname first (Wang Fang), then given name first (Fang Wang); a one-character name has one order.
        var surname = SurnameLength(folded, folded);
        int[] surnameFirst = [.. Enumerable.Range(0, chinese.Length)];
        int[] givenFirst = [.. Enumerable.Range(surname, chinese.Length - surname), .. Enumerable.Range(0, surname)];
        return Spells(readings, surnameFirst, spelled) || Spells(readings, givenFirst, spelled);
    }

    // A listed compound surname (欧阳) when either name starts with one and there is a given name after it; else one
    // character. 欧阳娜娜 is never read as 欧 with the given name 阳娜娜: such names are rarer than the false matches.
    private static int SurnameLength(string leftFolded, string rightFolded) =>
        leftFolded.Length > 2 && (CompoundSurnames.Contains(leftFolded[..2]) || CompoundSurnames.Contains(rightFolded[..2])) ? 2 : 1;

    // Can the letters be cut into one reading of each ideograph, in the given order? Any reading of a polyphonic
    // ideograph counts (单 is shan or dan); pinyin's ü, written v in the readings, may also be typed u or yu (吕: lv, lu, lyu).
    private static bool Spells(IReadOnlyList<string>[] readings, int[] order, string letters)
    {
        var failed = new bool[order.Length + 1, letters.Length + 1];
        return SpellsFrom(0, 0);

        bool SpellsFrom(int ideograph, int position)
        {
            if (ideograph == order.Length)
            {
                return position == letters.Length;
            }

            if (failed[ideograph, position])
            {
                return false;
            }

            foreach (var reading in readings[order[ideograph]])
            {
                foreach (var spelling in SpellingsOf(reading))
                {
                    if (letters.AsSpan(position).StartsWith(spelling, StringComparison.Ordinal)
                        && SpellsFrom(ideograph + 1, position + spelling.Length))
                    {
                        return true;
                    }
                }
            }

            failed[ideograph, position] = true;
            return false;
        }
    }

    private static IEnumerable<string> SpellingsOf(string reading)
    {
        yield return reading;
        if (reading.Contains('v', StringComparison.Ordinal))
        {
            yield return reading.Replace("v", "u", StringComparison.Ordinal);
            yield return reading.Replace("v", "yu", StringComparison.Ordinal);
        }
    }

    // Same surname (after folding to simplified), same length, and each given-name character either the same or
    // sharing a toneless reading (王芳 and 王方): the typo of someone who typed the sound. The surname never varies: 王
    // and 汪 are both wang, and they are two families.
    private static bool AreHomophones(string left, string leftFolded, string right, string rightFolded)
    {
        if (left.Length != right.Length || left.Length < 2 || !IsAllIdeographs(left) || !IsAllIdeographs(right))
        {
            return false;
        }

        var surname = SurnameLength(leftFolded, rightFolded);
        if (!leftFolded.AsSpan(0, surname).SequenceEqual(rightFolded.AsSpan(0, surname)))
        {
            return false;
        }

        for (var i = surname; i < left.Length; i++)
        {
            if (leftFolded[i] != rightFolded[i]
                && !ReadingsOf(left[i], leftFolded[i]).Intersect(ReadingsOf(right[i], rightFolded[i]), StringComparer.Ordinal).Any())
            {
                return false;
            }
        }

        return true;
    }

    // The readings of the ideograph as written and of its simplified form: 乾 folds to 干, yet 乾隆 is read qian long.
    private static IReadOnlyList<string> ReadingsOf(char written, char folded) =>
        written == folded ? Pinyin.Of(written) : [.. Pinyin.Of(written).Union(Pinyin.Of(folded), StringComparer.Ordinal)];

    private static bool IsAllIdeographs(string name)
    {
        foreach (var character in name)
        {
            if (Pinyin.Of(character).Count == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAllLetters(string name)
    {
        foreach (var character in name)
        {
            if (character is not (>= 'a' and <= 'z' or 'ü'))
            {
                return false;
            }
        }

        return true;
    }
}
