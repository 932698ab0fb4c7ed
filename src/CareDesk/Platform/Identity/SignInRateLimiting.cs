using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CareDesk.Platform.Identity;

/// <summary>
/// Per-client throttling of sign-in (rate limiter middleware, policy <see cref="Policy"/>): a client (IP address) may
/// post <see cref="SignInLimitsOptions.PerClientLimit"/> sign-in or refresh attempts per window; more are answered
/// 429 with <c>Retry-After</c> and a ProblemDetails, before any password is checked.
/// </summary>
internal static class SignInRateLimiting
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, context =>
            {
                // Showing the sign-in page is free; posting it counts.
                if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }

                var limits = context.RequestServices.GetRequiredService<IOptions<SignInLimitsOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(SignInThrottle.ClientOf(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PerClientLimit,
                    Window = limits.PerClientWindow,
                    QueueLimit = 0,
                });
            });
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
                    ? after
                    : context.RequestServices.GetRequiredService<IOptions<SignInLimitsOptions>>().Value.PerClientWindow;
                var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                await TooManyAttempts(context, text, wait).ExecuteAsync(context);
            };
        });

    /// <summary>The 429 answer: how long to wait in <c>Retry-After</c> (whole seconds, rounded up) and in words.</summary>
    public static ProblemHttpResult TooManyAttempts(HttpContext context, IStringLocalizer text, TimeSpan wait)
    {
        context.Response.Headers.RetryAfter = Seconds(wait);
        return TypedResults.Problem(text["Auth.TooManyAttempts"], statusCode: StatusCodes.Status429TooManyRequests);
    }

    public static string Seconds(TimeSpan wait) =>
        Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
