using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CareDesk.IntegrationTests.Infrastructure;

/// <summary>A browser-like client signed in through the sign-in form: it carries the auth cookie and no bearer token.</summary>
internal static partial class CookieSignIn
{
    public static async Task<HttpClient> CreateCookieClientAsync(this CareDeskFactory app, string email, string password, Uri? baseAddress = null)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = baseAddress ?? new Uri("http://localhost"),
        });
        var response = await client.SignInWithFormAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in answered {(int)response.StatusCode}");
        return client;
    }

    public static async Task<HttpResponseMessage> SignInWithFormAsync(this HttpClient client, string email, string password)
    {
        var page = await (await client.GetAsync("/account/login")).Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(page).Groups["value"].Value;
        Assert.False(string.IsNullOrEmpty(token), "the sign-in form has no antiforgery token");
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
