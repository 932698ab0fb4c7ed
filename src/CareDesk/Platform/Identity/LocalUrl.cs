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

        // .NET calls a relative URL with a fragment ill-formed: check the part before '#', and keep a fragment
        // made of visible characters only ("/cases/42#history").
        var hash = path.IndexOf('#', StringComparison.Ordinal);
        var beforeFragment = hash < 0 ? path : path[..hash];
        var fragmentIsPlain = hash < 0 || path[(hash + 1)..].All(c => !char.IsControl(c) && !char.IsWhiteSpace(c) && c != '\\');
        var safe = !beforeFragment.StartsWith("//", StringComparison.Ordinal)
            && !beforeFragment.StartsWith("/\\", StringComparison.Ordinal)
            && Uri.IsWellFormedUriString(beforeFragment, UriKind.Relative)
            && fragmentIsPlain;
        return safe ? path : "/";
    }
}
