namespace CareDesk.Features.Users;

internal static class UserRules
{
    public static Platform.Api.Failure? CheckProfile(string? displayName, IReadOnlyCollection<string>? roles, string? language, string? timeZone)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            return Platform.Api.Failure.Invalid("displayName", "Validation.Required");
        }

        if (displayName.Length > 200)
        {
            return Platform.Api.Failure.Invalid("displayName", "Validation.TooLong", 200);
        }

        if (roles is null || roles.Count == 0)
        {
            return Platform.Api.Failure.Invalid("roles", "Users.RoleRequired");
        }

        if (roles.FirstOrDefault(r => !Platform.Identity.Roles.All.Contains(r)) is { } unknown)
        {
            return Platform.Api.Failure.Invalid("roles", "Users.UnknownRole", unknown);
        }

        if (!Platform.Localization.SupportedCultures.IsSupported(language))
        {
            return Platform.Api.Failure.Invalid("language", "Users.UnsupportedLanguage");
        }

        if (string.IsNullOrWhiteSpace(timeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            return Platform.Api.Failure.Invalid("timeZone", "Users.UnknownTimeZone");
        }

        return null;
    }
}
