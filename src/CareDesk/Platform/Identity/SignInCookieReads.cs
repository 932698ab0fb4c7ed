namespace CareDesk.Platform.Identity;

/// <summary>
/// Marks an API endpoint the browser reads with the sign-in cookie (an &lt;audio&gt; source, the API reference page).
/// Only its GET and HEAD accept the cookie; everything else under <c>/api</c> needs the bearer token.
/// </summary>
public sealed class SignInCookieReads
{
    public static readonly SignInCookieReads Instance = new();

    private SignInCookieReads()
    {
    }
}
