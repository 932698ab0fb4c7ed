using System.Collections.Frozen;
using CareDesk.Features.Imports.Reading;
using PhoneNumbers;

namespace CareDesk.Features.Imports.Cells;

/// <summary>
/// A country written in Chinese or English, or as a code, read as ISO 3166-1 alpha-2. The table holds the countries
/// our makers' distributors actually list; any other two-letter code libphonenumber knows as a region is accepted as
/// is, so the code is one the phone parser can use. Anything else is <see cref="CellReason.UnknownCountry"/>: the
/// country decides how the row's phones are read.
/// </summary>
public static class CountryCell
{
    private static readonly FrozenDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Hong Kong, Macao and Taiwan have their own dialling codes: "中国香港" is HK, not CN, for the phones' sake.
        ["CN"] = "中国|中华人民共和国|中国大陆|大陆|中国内地|内地|china|prc|p.r.c.|p.r.china|people's republic of china|mainland china|chn",
        ["HK"] = "香港|中国香港|香港特别行政区|hong kong|hongkong|hong kong sar|hong kong, china|hksar|hkg",
        ["MO"] = "澳门|中国澳门|澳门特别行政区|macao|macau|macao sar|mac",
        ["TW"] = "台湾|台灣|中国台湾|taiwan|taiwan, china|twn",
        ["US"] = "美国|usa|u.s.|u.s.a.|united states|united states of america|america",
        ["GB"] = "英国|uk|u.k.|united kingdom|great britain|britain|england|gbr",
        ["SG"] = "新加坡|singapore|sgp",
        ["JP"] = "日本|japan|jpn",
        ["KR"] = "韩国|south korea|korea|republic of korea|kor",
        ["DE"] = "德国|germany|deutschland|deu",
        ["FR"] = "法国|france|fra",
        ["IT"] = "意大利|italy|ita",
        ["CH"] = "瑞士|switzerland|che",
        ["NL"] = "荷兰|netherlands|the netherlands|holland|nld",
        ["CA"] = "加拿大|canada|can",
        ["AU"] = "澳大利亚|澳洲|australia|aus",
        ["NZ"] = "新西兰|new zealand|nzl",
        ["MY"] = "马来西亚|malaysia|mys",
        ["TH"] = "泰国|thailand|tha",
        ["VN"] = "越南|vietnam|viet nam|vnm",
        ["PH"] = "菲律宾|philippines|phl",
        ["ID"] = "印度尼西亚|印尼|indonesia|idn",
        ["IN"] = "印度|india|ind",
        ["RU"] = "俄罗斯|russia|russian federation|rus",
    }
        .SelectMany(country => country.Value.Split('|').Select(name => (name, code: country.Key)))
        .ToFrozenDictionary(entry => entry.name, entry => entry.code, StringComparer.Ordinal);

    private static readonly FrozenSet<string> Regions = PhoneNumberUtil.GetInstance().GetSupportedRegions().ToFrozenSet(StringComparer.Ordinal);

    public static CellResult<string> Parse(CellValue cell)
    {
        if (TextCell.Clean(cell) is not { } text)
        {
            return CellResult<string>.Blank;
        }

        var key = TextCell.CollapseWhitespace(text).ToLowerInvariant();
        if (Names.TryGetValue(key, out var code))
        {
            return CellResult<string>.Of(code);
        }

        var upper = key.ToUpperInvariant();
        return upper.Length == 2 && Regions.Contains(upper) ? CellResult<string>.Of(upper) : CellReason.UnknownCountry;
    }

    /// <summary>Whether <paramref name="region"/> is a region libphonenumber can read national numbers for.</summary>
    public static bool IsKnownRegion(string region) => Regions.Contains(region);
}
