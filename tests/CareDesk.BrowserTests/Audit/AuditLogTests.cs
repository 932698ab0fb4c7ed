using System.Text.RegularExpressions;
using CareDesk.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.BrowserTests.Audit;

public sealed class AuditLogTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    [Fact]
    public async Task Admin_verifies_the_audit_chain_and_is_told_it_is_intact()
    {
        await SignInAsync(DemoEmail("admin"));

        await Page.Locator("#nav-audit").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/admin/audit$"));
        await Page.Locator("#audit-verify").ClickAsync();

        await Expect(Page.Locator("#audit-verify-result")).ToHaveTextAsync(new Regex(@"^The chain is intact: \d+ entries checked\.$"));
    }
}
