using CareDesk.Features.Imports.Reading;
using CareDesk.Features.People;

namespace CareDesk.Features.Imports.Cells;

/// <summary>
/// Gender words in Chinese and English. Anything else (保密, 未知, "1"/"2" codes whose meaning differs between
/// distributors, a typo) is <see cref="Sex.Unknown"/>, never a problem: gender is optional, and refusing a whole
/// customer over it would lose a real person to save a fact we do not need to reach them.
/// </summary>
public static class GenderCell
{
    private static readonly Dictionary<string, Sex> Words = new(StringComparer.Ordinal)
    {
        ["男"] = Sex.Male,
        ["男性"] = Sex.Male,
        ["男士"] = Sex.Male,
        ["先生"] = Sex.Male,
        ["m"] = Sex.Male,
        ["male"] = Sex.Male,
        ["man"] = Sex.Male,
        ["mr"] = Sex.Male,
        ["mr."] = Sex.Male,
        ["女"] = Sex.Female,
        ["女性"] = Sex.Female,
        ["女士"] = Sex.Female,
        ["小姐"] = Sex.Female,
        ["f"] = Sex.Female,
        ["female"] = Sex.Female,
        ["woman"] = Sex.Female,
        ["mrs"] = Sex.Female,
        ["mrs."] = Sex.Female,
        ["ms"] = Sex.Female,
        ["ms."] = Sex.Female,
    };

    public static CellResult<Sex> Parse(CellValue cell) => TextCell.Clean(cell) is not { } text
        ? CellResult<Sex>.Blank
        : CellResult<Sex>.Of(Words.GetValueOrDefault(text.ToLowerInvariant(), Sex.Unknown));
}
