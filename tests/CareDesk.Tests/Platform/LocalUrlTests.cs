using CareDesk.Platform.Identity;

namespace CareDesk.Tests.Platform;

public sealed class LocalUrlTests
{
    private static readonly Uri Site = new("https://caredesk.example/");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_return_url_goes_home(string? url) => Assert.Equal("/", LocalUrl.Sanitize(url));

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/admin/users", "/admin/users")]
    [InlineData("/cases/42?tab=notes", "/cases/42?tab=notes")]
    [InlineData("admin/users", "/admin/users")]
    [InlineData("/cases/42?tab=notes#history", "/cases/42?tab=notes#history")]
    public void A_path_on_this_site_is_kept(string url, string expected) => Assert.Equal(expected, LocalUrl.Sanitize(url));

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("//evil.example/account/login")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("\\/evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\r\n/evil.example")]
    [InlineData(" //evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("HTTPS://evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("//evil.example@caredesk.example")]
    [InlineData("///evil.example")]
    [InlineData("/%2F/evil.example")]
    [InlineData("#//evil.example")]
    [InlineData("/x#\r\nLocation: https://evil.example")]
    public void A_url_to_another_site_never_leaves_this_one(string url)
    {
        var sanitized = LocalUrl.Sanitize(url);

        Assert.StartsWith("/", sanitized, StringComparison.Ordinal);
        Assert.Equal(Site.Host, HostABrowserWouldOpen(sanitized));
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/\t/evil.example")]
    public void A_protocol_relative_url_becomes_home(string url) => Assert.Equal("/", LocalUrl.Sanitize(url));

    // Browsers drop tabs and line breaks from URLs and read '\' as '/' before resolving them.
    private static string HostABrowserWouldOpen(string location)
    {
        var cleaned = location.Replace("\t", "", StringComparison.Ordinal)
            .Replace("\r", "", StringComparison.Ordinal)
            .Replace("\n", "", StringComparison.Ordinal)
            .Replace('\\', '/');
        return new Uri(Site, cleaned).Host;
    }
}
