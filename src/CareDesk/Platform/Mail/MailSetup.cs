using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Platform.Mail;

internal static class MailSetup
{
    public static IServiceCollection AddCareDeskMail(this IServiceCollection services)
    {
        services.AddSingleton<SmtpMailer>();
        return services;
    }
}
