using Microsoft.AspNetCore.Builder;

namespace CareDesk.Platform.Identity;

public static class SignInCookieReadsExtensions
{
    public static TBuilder AllowSignInCookieForReads<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(SignInCookieReads.Instance);
}
