using System.Globalization;
using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CareDesk.Tests.Components;

/// <summary>
/// A bUnit context with the real string resources (as the app registers them) and a chosen UI language.
/// The culture is set on the test's own thread, where bUnit renders, and put back afterwards.
/// </summary>
public abstract class LocalizedComponentContext : BunitContext
{
    private readonly CultureInfo previousCulture = CultureInfo.CurrentCulture;
    private readonly CultureInfo previousUiCulture = CultureInfo.CurrentUICulture;

    protected LocalizedComponentContext()
    {
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        // Features bind their settings from the host's configuration; here there is none, so their defaults hold.
        Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected static void UseLanguage(string culture)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
    }

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentCulture = previousCulture;
        CultureInfo.CurrentUICulture = previousUiCulture;
        base.Dispose(disposing);
    }
}
