namespace CareDesk.Platform.Identity;

/// <summary>Return URLs come from the query string: only paths on this site are followed (no open redirects).</summary>
public static class LocalUrl
{
    public static string Sanitize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "/";
        }

        var path = url.StartsWith('/') ? url : "/" + url;
        var safe = !path.StartsWith("//", StringComparison.Ordinal)
            && !path.StartsWith("/\\", StringComparison.Ordinal)
            && Uri.IsWellFormedUriString(path, UriKind.Relative);
        return safe ? path : "/";
    }
}
