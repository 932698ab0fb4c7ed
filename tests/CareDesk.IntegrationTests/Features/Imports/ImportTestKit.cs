using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CareDesk.Features.Imports;
using CareDesk.IntegrationTests.Infrastructure;

namespace CareDesk.IntegrationTests.Features.Imports;

/// <summary>Distributor files built in the tests, uploaded as an importer does, and waited for.</summary>
public static class ImportTestKit
{
    public const string ChineseHeader = "序号,客户姓名,性别,出生日期,手机号码,联系电话,省份,城市,详细地址,购机日期,产品型号,序列号,备注";

    public static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(54936);
        }
    }

    /// <summary>The lines joined with CRLF as Excel writes them, after the encoding's byte order mark if it has one.</summary>
    public static byte[] Csv(Encoding encoding, params string[] lines) => [.. encoding.GetPreamble(), .. encoding.GetBytes(string.Join("\r\n", lines) + "\r\n")];

    public static MultipartFormDataContent Form(IEnumerable<(byte[] Content, string Name)> files, string source, bool dryRun = false, string? mapping = null, bool force = false)
    {
        var form = new MultipartFormDataContent();
        foreach (var (content, name) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(part, "files", name);
        }

        form.Add(new StringContent(source), "sourceName");
        form.Add(new StringContent("distributor"), "sourceKind");
        form.Add(new StringContent("CN"), "defaultRegion");
        form.Add(new StringContent(dryRun ? "true" : "false"), "dryRun");
        form.Add(new StringContent(force ? "true" : "false"), "force");
        if (mapping is not null)
        {
            form.Add(new StringContent(mapping), "mapping");
        }

        return form;
    }

    public static async Task<Guid> StartAsync(this HttpClient client, MultipartFormDataContent form)
    {
        var accepted = await (await client.PostAsync("/api/imports", form)).ReadAsync<StartImport.Accepted>(HttpStatusCode.Accepted);
        return accepted.Id;
    }

    public static async Task<ImportView> CompletedAsync(this HttpClient client, Guid id)
    {
        ImportView? view = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                view = await (await client.GetAsync($"/api/imports/{id}")).ReadAsync<ImportView>();
                return view.Status is "completed" or "failed";
            },
            TimeSpan.FromSeconds(60),
            "the import finishes");
        Assert.Equal("completed", view!.Status);
        return view;
    }

    public static async Task<IReadOnlyList<ImportRowView>> RowsAsync(this HttpClient client, Guid id, string? status = null) =>
        (await (await client.GetAsync($"/api/imports/{id}/rows?take=1000{(status is null ? "" : $"&status={status}")}")).ReadAsync<ImportReads.RowsPage>()).Rows;
}
