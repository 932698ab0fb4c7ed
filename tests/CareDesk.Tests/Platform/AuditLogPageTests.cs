using Bunit;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Audit.Pages;
using CareDesk.Tests.Components;
using Microsoft.AspNetCore.Components;

namespace CareDesk.Tests.Platform;

/// <summary>The audit page's verification, on a real SQLite file: it checks sealed entries and says how many are not yet.</summary>
public sealed class AuditLogPageTests : DatabaseComponentContext
{
    public AuditLogPageTests()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        SignInAs("admin");
    }

    [Theory]
    [InlineData("en", "2 newer entries are not sealed yet: they are checked once sealed, within seconds.")]
    [InlineData("zh-CN", "另有 2 条较新的记录尚未封存，封存后（数秒内）即可校验。")]
    public async Task Verifying_says_how_many_newer_entries_are_not_sealed_yet(string culture, string unsealed)
    {
        UseLanguage(culture);
        await RunAsync<AuditSealer, long>(sealer => sealer.SealAllAsync(CancellationToken.None));
        await RunAsync<AuditTrail, bool>(async audit =>
        {
            await audit.RecordActionAsync("exported", "Report", "report-1", CancellationToken.None);
            await audit.RecordActionAsync("exported", "Report", "report-2", CancellationToken.None);
            return true;
        });

        var page = RenderInLayout<AuditLogPage>();
        page.Find("#audit-verify").Click();

        var line = page.WaitForElement("#audit-unsealed", TimeSpan.FromSeconds(10));
        Assert.Equal(unsealed, line.TextContent.Trim());
    }
}
