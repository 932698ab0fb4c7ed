using Microsoft.Extensions.Localization;

namespace CareDesk.Features.Complaints.ComplaintFile;

/// <summary>The file's messages, falling back to the complaint's own (not found, stale version, a field rep's refusal).</summary>
public sealed class ComplaintFileMessages(IStringLocalizer<ComplaintFileText> file, IStringLocalizer<ComplaintsText> complaints) : IStringLocalizer
{
    public LocalizedString this[string name] => file[name] is { ResourceNotFound: false } found ? found : complaints[name];

    public LocalizedString this[string name, params object[] arguments] =>
        file[name, arguments] is { ResourceNotFound: false } found ? found : complaints[name, arguments];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        file.GetAllStrings(includeParentCultures).Concat(complaints.GetAllStrings(includeParentCultures));
}
