using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CareDesk.Tests.Platform;

/// <summary>Chinese text takes full-width punctuation: "客户：王丽", "（可选）", "是否？", never "客户: 王丽", "(可选)" or "是否?".</summary>
public sealed partial class ChinesePunctuationTests
{
    [Fact]
    public void Chinese_resources_use_full_width_colons_commas_and_brackets_next_to_Chinese_text()
    {
        var folder = Path.Combine(ResourceParityTests.RepositoryRoot(), "src", "CareDesk", "Resources");
        var wrong = Directory.GetFiles(folder, "*.zh-Hans.resx", SearchOption.AllDirectories)
            .SelectMany(file => XDocument.Load(file).Root!.Elements("data").Select(e => (
                File: Path.GetFileName(file),
                Name: (string)e.Attribute("name")!,
                Value: (string?)e.Element("value") ?? "")))
            .Where(entry => HasAsciiPunctuationInChinese(entry.Value))
            .Select(entry => $"{entry.File} {entry.Name}: {entry.Value}")
            .ToList();

        Assert.True(wrong.Count == 0, "ASCII punctuation in Chinese text:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("客户: {0}", true)]
    [InlineData("客户：{0}", false)]
    [InlineData("王丽, 王建国", true)]
    [InlineData("电话(可选)", true)]
    [InlineData("电话（可选）", false)]
    [InlineData("已保存:", true)]
    [InlineData("Ctrl+K 或 /", false)]
    [InlineData("{0:N0} 条", false)]
    [InlineData("型号 (US: Aviva Plus)", true)]
    [InlineData("Accu-Chek (US: Aviva)", false)]
    [InlineData("已确认;须在 {1} 前联系客户", true)]
    [InlineData("您是如何联系客户的?", true)]
    [InlineData("您是如何联系客户的？", false)]
    [InlineData("危险!", true)]
    public void Ascii_punctuation_counts_when_it_touches_Chinese_text(string value, bool wrong) =>
        Assert.Equal(wrong, HasAsciiPunctuationInChinese(value));

    // A colon, comma or bracket with a Chinese character on either side (spaces and placeholders between do not
    // count as text): between Chinese words, or after one at the end.
    internal static bool HasAsciiPunctuationInChinese(string value) =>
        AsciiNextToChinese().IsMatch(Placeholder().Replace(value, "\u0001"));

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\u3000-\u303F\uFF00-\uFFEF][\s\u0001]*[:,();?!]|[:,();?!][\s\u0001]*[\p{IsCJKUnifiedIdeographs}\u3000-\u303F\uFF00-\uFFEF]")]
    private static partial Regex AsciiNextToChinese();
}
