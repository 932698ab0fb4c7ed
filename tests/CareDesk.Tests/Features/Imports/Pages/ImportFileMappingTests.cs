using Bunit;
using CareDesk.Features.Imports;
using CareDesk.Features.Imports.Pages;
using CareDesk.Features.Imports.Reading;
using CareDesk.Tests.Components;

namespace CareDesk.Tests.Features.Imports.Pages;

public sealed class ImportFileMappingTests : LocalizedComponentContext, IAsyncLifetime
{
    // 序号 is a running number, 常用号码 a header the synonyms do not know: both ignored by the guess.
    private static InspectedFile File() => new(
        0,
        "客户名单.csv",
        "csv",
        "gb18030",
        ",",
        null,
        "zh",
        ["序号", "姓名", "常用号码", "出生日期"],
        new Dictionary<string, int> { ["name"] = 1, ["dob"] = 3 },
        [new HeaderColumn(0, "序号"), new HeaderColumn(2, "常用号码")],
        [["1", "王建国", "13912345678", "1956-03-14"]]);

    [Theory]
    [InlineData("zh-CN", "编码：GB18030（中文 Windows）", "表头语言：中文", "姓名", "不导入")]
    [InlineData("en", "Encoding: GB18030 (Chinese Windows)", "Header language: Chinese", "Name", "Ignore")]
    public void The_preview_names_the_encoding_the_header_language_and_each_columns_field_in_the_readers_language(
        string culture, string encoding, string language, string name, string ignore)
    {
        UseLanguage(culture);

        var cut = Render<ImportFileMapping>(p => p.Add(c => c.Choice, new ImportFileChoice(File())));

        Assert.Equal(encoding, cut.Find(".import-file-encoding").TextContent.Trim());
        Assert.Equal(language, cut.Find(".import-file-language").TextContent.Trim());
        Assert.Contains(name, cut.Find("[data-column='1']").InnerHtml, StringComparison.Ordinal);
        Assert.Contains(ignore, cut.Find("[data-column='2']").InnerHtml, StringComparison.Ordinal);
        Assert.Equal("13912345678", cut.Find("[data-column='2'] td:last-child").TextContent);
    }

    [Fact]
    public void A_column_mapped_by_hand_is_the_only_change_sent_and_a_field_moved_leaves_its_old_column()
    {
        var choice = new ImportFileChoice(File());
        Assert.Null(choice.Overrides());

        choice.Choose(2, ImportField.Mobile);
        Assert.Equal(new Dictionary<string, int?> { ["mobile"] = 2 }, choice.Overrides());

        // The name read from the running number's column instead: one column per field.
        choice.Choose(0, ImportField.Name);
        Assert.Null(choice.FieldOf(1));
        Assert.Equal(new Dictionary<string, int?> { ["mobile"] = 2, ["name"] = 0 }, choice.Overrides());

        choice.Choose(3, null);
        Assert.Equal(new Dictionary<string, int?> { ["mobile"] = 2, ["name"] = 0, ["dob"] = null }, choice.Overrides());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services dispose asynchronously only; xunit would otherwise dispose them synchronously.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
