using Microsoft.Extensions.Localization;

namespace CareDesk.Features.Cases;

/// <summary>The link strings, then the case strings for the failures the shared case checks return (not found, conflict…).</summary>
public sealed class LinksText(IStringLocalizer links, IStringLocalizer cases) : IStringLocalizer
{
    public LocalizedString this[string name] => links[name] is { ResourceNotFound: false } found ? found : cases[name];

    public LocalizedString this[string name, params object[] arguments] =>
        links[name, arguments] is { ResourceNotFound: false } found ? found : cases[name, arguments];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        links.GetAllStrings(includeParentCultures).Concat(cases.GetAllStrings(includeParentCultures));
}
