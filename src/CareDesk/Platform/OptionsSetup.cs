using CareDesk.Platform.Api;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Operations;
using CareDesk.Platform.Outbox;
using CareDesk.Platform.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CareDesk.Platform;

/// <summary>Typed settings, validated at start-up: a bad value stops the host with a message naming it.</summary>
internal static class OptionsSetup
{
    public static IServiceCollection AddCareDeskOptions(this IServiceCollection services)
    {
        services.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.Section);
        services.AddValidatedOptions<AuditOptions>(AuditOptions.Section);
        services.AddValidatedOptions<ApiOptions>(ApiOptions.Section);
        services.AddValidatedOptions<OutboxOptions>(OutboxOptions.Section);
        services.AddValidatedOptions<SchedulingOptions>(SchedulingOptions.Section);
        services.AddValidatedOptions<TelemetryOptions>(TelemetryOptions.Section);
        services.AddValidatedOptions<DemoOptions>(DemoOptions.Section);
        services.AddValidatedOptions<BootstrapOptions>(BootstrapOptions.Section);
        services.AddValidatedOptions<SignInLimitsOptions>(SignInLimitsOptions.Section);
        services.AddValidatedOptions<Mail.MailOptions>(Mail.MailOptions.Section);
        services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>();
        return services;
    }

    /// <summary>
    /// Binds a settings section to <typeparamref name="T"/>, checked when the host starts: an unknown key or a value
    /// outside its data annotations stops start-up naming it. A feature binds its own settings with this in its
    /// <c>Add&lt;Feature&gt;()</c>; the host's <see cref="IConfiguration"/> is read when the settings are first asked for.
    /// </summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section)
        where T : class =>
        services.AddOptions<T>()
            .BindConfiguration(section, binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateDataAnnotations()
            .ValidateOnStart();

    private sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
    {
        public ValidateOptionsResult Validate(string? name, OutboxOptions options) =>
            options.MaxBackoff < options.InitialBackoff
                ? ValidateOptionsResult.Fail($"{OutboxOptions.Section}:{nameof(OutboxOptions.MaxBackoff)} must not be shorter than {nameof(OutboxOptions.InitialBackoff)}.")
                : ValidateOptionsResult.Success;
    }
}
