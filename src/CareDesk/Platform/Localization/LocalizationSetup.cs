using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CareDesk.Platform.Localization;

internal static class LocalizationSetup
{
    public static IServiceCollection AddCareDeskLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddOptions<LanguageOptions>().BindConfiguration(LanguageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RequestLocalizationOptions>().Configure<IOptions<LanguageOptions>>((options, language) =>
        {
            options.DefaultRequestCulture = new RequestCulture(SupportedCultures.Normalize(language.Value.DefaultLanguage));
            options.SupportedCultures = SupportedCultures.Cultures;
            options.SupportedUICultures = SupportedCultures.Cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // The signed-in user's saved language wins; then the cookie (sign-in page); then the browser.
            options.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(context =>
                    Task.FromResult(context.User.FindFirst(CareDeskClaimsPrincipalFactory.LanguageClaim)?.Value is { } language
                        ? new ProviderCultureResult(language)
                        : null)),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    public static IApplicationBuilder UseCareDeskLocalization(this IApplicationBuilder app) => app.UseRequestLocalization();

    public static void WriteCultureCookie(HttpResponse response, string culture) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true, Secure = response.HttpContext.Request.IsHttps });

    public static IEndpointRouteBuilder MapLocalizationEndpoints(this IEndpointRouteBuilder app)
    {
        // The language switch of the UI: a form post (with antiforgery), so the whole page re-renders in the new language.
        app.MapPost("/account/language", async (
                HttpContext context,
                [FromForm] string culture,
                [FromForm] string? returnUrl,
                UserManager<User> users,
                SignInManager<User> signIn) =>
            {
                if (!SupportedCultures.IsSupported(culture))
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["culture"] = ["Unsupported language."] });
                }

                culture = SupportedCultures.Normalize(culture);
                WriteCultureCookie(context.Response, culture);
                if (await users.GetUserAsync(context.User) is { } user)
                {
                    user.Language = culture;
                    await users.UpdateAsync(user);
                    await signIn.RefreshSignInAsync(user);
                }

                return Results.LocalRedirect(LocalUrl.Sanitize(returnUrl));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
