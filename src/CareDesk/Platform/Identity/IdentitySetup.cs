using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CareDesk.Platform.Identity;

internal static class IdentitySetup
{
    /// <summary>The scheme every policy names: the bearer token or the cookie, checked against the user's current state.</summary>
    public const string SmartScheme = "caredesk";

    public static IServiceCollection AddCareDeskIdentity(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("CareDesk").PersistKeysToDbContext<CareDeskDbContext>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = SmartScheme;
                options.DefaultChallengeScheme = SmartScheme;
                options.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, StaffAuthenticationHandler>(SmartScheme, "Bearer token or cookie", null)
            .AddBearerToken(IdentityConstants.BearerScheme, options =>
            {
                options.BearerTokenExpiration = TimeSpan.FromMinutes(30);
                options.RefreshTokenExpiration = TimeSpan.FromDays(1);
            })
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            options.SlidingExpiration = true;
            options.Cookie.Name = "CareDesk.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // API callers get status codes, not redirects to the sign-in page.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });

        services.AddIdentityCore<User>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CareDeskDbContext>()
            .AddSignInManager<CareDeskSignInManager>()
            .AddClaimsPrincipalFactory<CareDeskClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.AddOptions<IdentityOptions>().Configure<IOptions<SignInLimitsOptions>>((options, limits) =>
        {
            options.Lockout.MaxFailedAccessAttempts = limits.Value.LockoutFailures;
            options.Lockout.DefaultLockoutTimeSpan = limits.Value.LockoutDuration;
        });
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        // Every request checks the user's state (StaffAuthenticationHandler); the cookie's own periodic check is a backstop.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddSingleton<UserStatusCache>();
        services.AddSingleton<IUserChangeNotifier>(provider =>
            provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.PostgreSql
                ? ActivatorUtilities.CreateInstance<PostgreSqlUserChangeNotifier>(provider)
                : ActivatorUtilities.CreateInstance<LocalUserChangeNotifier>(provider));
        services.AddHostedService<PostgreSqlUserChangeListener>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<RefreshTokenRotation>();
        services.AddScoped(provider => (CareDeskSignInManager)provider.GetRequiredService<SignInManager<User>>());
        services.AddSignInRateLimiting();
        services.AddScoped<UserSeeder>();

        services.AddAuthorizationBuilder().AddCareDeskPolicies();
        return services;
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (SignInManager<User> signIn, [FromForm] string? returnUrl) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect("~/account/login");
            })
            .RequireAuthorization(Policies.Staff)
            .ExcludeFromDescription();
        return app;
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.HttpContext.IsApiRequest())
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
