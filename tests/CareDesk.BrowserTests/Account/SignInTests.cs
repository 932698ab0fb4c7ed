using System.Text.RegularExpressions;
using CareDesk.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.BrowserTests.Account;

public sealed class SignInTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    private const string GenericError = "The e-mail or password is not correct, or the account cannot sign in now.";

    [Theory]
    [InlineData("quality@demo.caredesk", "not-the-password")]
    [InlineData("nobody@demo.caredesk", DemoPassword)]
    public async Task A_failed_sign_in_shows_one_generic_error_and_stays_on_the_sign_in_page(string email, string password)
    {
        await Page.GotoAsync("/account/login");
        await Page.Locator("#email").FillAsync(email);
        await Page.Locator("#password").FillAsync(password);
        await Page.Locator("#sign-in").ClickAsync();

        // The same words whether the account exists or not: the page must not reveal which.
        await Expect(Page.Locator("#login-error")).ToHaveTextAsync(GenericError);
        await Expect(Page).ToHaveURLAsync(new Regex("/account/login"));
        await Expect(Page.Locator("#app")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_signed_out_visitor_is_sent_to_sign_in_and_back_to_the_page_asked_for()
    {
        await Page.GotoAsync("/admin/audit");
        await Expect(Page.Locator("#sign-in")).ToBeVisibleAsync();

        await Page.Locator("#email").FillAsync(DemoEmail("admin"));
        await Page.Locator("#password").FillAsync(DemoPassword);
        await Page.Locator("#sign-in").ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/admin/audit$"));
        await WaitUntilInteractiveAsync();
    }
}
