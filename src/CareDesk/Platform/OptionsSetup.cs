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
    public static IServiceCollection AddCareDeskOptions(this IServiceCollection services, IConfiguration configuration)
    {
        Bind<DatabaseOptions>(services, configuration, DatabaseOptions.Section);
        Bind<AuditOptions>(services, configuration, AuditOptions.Section);
        Bind<ApiOptions>(services, configuration, ApiOptions.Section);
        Bind<OutboxOptions>(services, configuration, OutboxOptions.Section);
        Bind<SchedulingOptions>(services, configuration, SchedulingOptions.Section);
        Bind<TelemetryOptions>(services, configuration, TelemetryOptions.Section);
        Bind<DemoOptions>(services, configuration, DemoOptions.Section);
        Bind<BootstrapOptions>(services, configuration, BootstrapOptions.Section);
        Bind<SignInLimitsOptions>(services, configuration, SignInLimitsOptions.Section);
        Bind<Features.People.PeopleOptions>(services, configuration, Features.People.PeopleOptions.Section);
        Bind<Features.Telephony.TelephonyOptions>(services, configuration, Features.Telephony.TelephonyOptions.Section);
        Bind<Features.Cases.EscalationOptions>(services, configuration, Features.Cases.EscalationOptions.Section);
        Bind<Features.Staff.ShiftOptions>(services, configuration, Features.Staff.ShiftOptions.Section);
        Bind<Mail.MailOptions>(services, configuration, Mail.MailOptions.Section);
        Bind<Features.Contacts.ContactsOptions>(services, configuration, Features.Contacts.ContactsOptions.Section);
        services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>();
        services.AddSingleton<Features.Telephony.TelephonyOptionsSetup>();
        services.AddSingleton<IPostConfigureOptions<Features.Telephony.TelephonyOptions>>(sp => sp.GetRequiredService<Features.Telephony.TelephonyOptionsSetup>());
        services.AddSingleton<IValidateOptions<Features.Telephony.TelephonyOptions>>(sp => sp.GetRequiredService<Features.Telephony.TelephonyOptionsSetup>());
        return services;
    }

    private static void Bind<T>(IServiceCollection services, IConfiguration configuration, string section)
        where T : class =>
        services.AddOptions<T>()
            .Bind(configuration.GetSection(section), binder => binder.ErrorOnUnknownConfiguration = true)
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
