using System.Text;
using System.Text.RegularExpressions;
using CareDesk.BrowserTests.Infrastructure;
using CareDesk.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.BrowserTests.Imports;

/// <summary>
/// Issue 15, F3 in both languages at 1366×768: a supervisor uploads a distributor's GB18030 CSV whose phone column has
/// a header the synonyms do not know, maps it by hand in the preview, imports, watches the import page reach
/// completed, reads the counts and a rejected row's reason in the reader's language, and downloads the rejected rows.
/// </summary>
public sealed class ImportPageTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    static ImportPageTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("zh-CN", "手机", "GB18030", "中文", "已完成", "日期不存在")]
    [InlineData("en", "Mobile", "GB18030", "Chinese", "Completed", "No such date")]
    public async Task A_supervisor_corrects_the_mapping_of_a_GB18030_list_imports_it_and_reads_the_report(
        string language, string mobile, string encoding, string headerLanguage, string completed, string impossibleDate)
    {
        await Page.SetViewportSizeAsync(1366, 768);
        await SignInAsync(DemoEmail("supervisor"));
        await UseLanguageAsync(language);
        await Page.Locator("#nav-imports").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/imports$"));
        await WaitUntilInteractiveAsync();

        await Page.Locator("#import-source-name").FillAsync($"华东医疗器械经销商 {Guid.NewGuid():N}"[..16]);
        await Page.SetInputFilesAsync("#import-files", new FilePayload { Name = "客户名单.csv", MimeType = "text/csv", Buffer = CustomerList(language) });
        await Expect(Page.Locator(".import-chosen-file")).ToContainTextAsync("客户名单.csv");
        await Page.Locator("#import-preview").ClickAsync();

        var preview = Page.Locator(".import-preview-file").First;
        await Expect(preview.Locator(".import-file-encoding")).ToContainTextAsync(encoding);
        await Expect(preview.Locator(".import-file-language")).ToContainTextAsync(headerLanguage);
        // 常用号码 is no header the synonyms know: the guess ignores it, the supervisor reads it as the mobile.
        await Expect(preview.Locator("[data-column='2'] .import-mapping-header")).ToHaveTextAsync("常用号码");
        await ChooseAsync("#map-0-2 .mud-input-control", new Regex($"^{mobile}$"));
        await Expect(Page.Locator("#map-0-2")).ToContainTextAsync(mobile);
        await ScreenshotAsync($"import-preview-{language}");

        await Page.Locator("#import-start").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/imports/[0-9a-f-]{36}$"));
        await Expect(Page.Locator("#import-status")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 60_000 });
        await Expect(Page.Locator("#import-status")).ToHaveTextAsync(completed);
        await Expect(Page.Locator("#import-percent")).ToContainTextAsync("100");

        await Expect(Count("records")).ToHaveTextAsync("4");
        await Expect(Count("invalid")).ToHaveTextAsync("1");
        await Expect(Count("created")).ToHaveTextAsync("2");
        await Expect(Count("duplicates")).ToHaveTextAsync("1");
        // The phone column's header as written, under the field it was read as.
        await Expect(Page.Locator(".import-file-mapping [data-field='mobile']")).ToContainTextAsync("常用号码");

        var problem = Page.Locator(".import-row-problem[data-reason='impossible_date']");
        await Expect(problem).ToContainTextAsync(impossibleDate);
        await Expect(problem).ToContainTextAsync("1985-02-30");
        var text = await Page.Locator("main").InnerTextAsync();
        foreach (var raw in new[] { "impossible_date", "gb18030", "completed", "duplicate", "invalid", "phone+", "dob" })
        {
            Assert.DoesNotContain(raw, text, StringComparison.Ordinal);
        }

        await ScreenshotAsync($"import-report-{language}");

        // The link downloads with the page's cookie: an XLSX is a zip, "PK" first.
        var download = Page.Locator("#import-rejected-download");
        await Expect(download).ToHaveAttributeAsync("download", "");
        var href = await download.GetAttributeAsync("href");
        var fetched = await Page.EvaluateAsync<string>(
            "async url => { const r = await fetch(url); const b = new Uint8Array(await r.arrayBuffer()); return r.status + ':' + String.fromCharCode(b[0], b[1]); }",
            href);
        Assert.Equal("200:PK", fetched);
    }

    private ILocator Count(string key) => Page.Locator($".import-count[data-count='{key}'] .mud-typography-h6");

    // A distributor's export as Chinese Windows Excel saves it: GB18030, a running number, and the phone column under a
    // header of its own. One row with a date that does not exist, one the same person again. Names and birth dates
    // differ per run, so neither language's run takes the other's people for known ones.
    private static byte[] CustomerList(string language)
    {
        string[] names = language == "en" ? ["欧阳晓岚", "司马文静", "诸葛明远"] : ["慕容秋实", "上官若兰", "东方启明"];
        var year = 1940 + Random.Shared.Next(50);
        string[] mobiles = [TestValues.Mobile(), TestValues.Mobile(), TestValues.Mobile()];
        var csv = $"""
            序号,姓名,常用号码,出生日期,性别,省份,备注
            1,{names[0]},{mobiles[0]},{year}-03-14,男,江苏,{Guid.NewGuid():N}
            2,{names[1]},{mobiles[1]},{year + 1}-07-02,女,浙江,
            3,{names[2]},{mobiles[2]},1985-02-30,男,上海,
            4,{names[0]},{mobiles[0]},{year}-03-14,男,江苏,

            """.ReplaceLineEndings("\r\n");
        return Encoding.GetEncoding(54936).GetBytes(csv);
    }

    private async Task ChooseAsync(string select, Regex option)
    {
        await Expect(Page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await Page.Locator(select).ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasTextRegex = option }).First.ClickAsync();
        await Expect(Page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }
}
