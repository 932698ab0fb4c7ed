using CareDesk.Platform.Outbox;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CareDesk.Platform.Mail;

/// <summary>
/// Sends one e-mail through the configured SMTP server (MailKit), for outbox handlers. A 5xx answer (address unknown,
/// message refused) will not get better by retrying and becomes a <see cref="PermanentDeliveryFailureException"/>;
/// a 4xx answer, a refused or dropped connection or a timeout is thrown as a <see cref="MailDeferredException"/>,
/// which the outbox retries with backoff.
/// </summary>
public sealed class SmtpMailer(IOptions<MailOptions> options)
{
    public MailOptions Settings => options.Value;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            throw new InvalidOperationException($"{MailOptions.Section}:{nameof(MailOptions.Host)} is not set.");
        }

        var host = settings.Host;
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(host, settings.Port, SocketOptions(settings.Security), cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException ex)
        {
            // The server's text may quote the recipient's address: only the code and its kind go to the outbox row.
            var reply = $"{(int)ex.StatusCode} ({ex.ErrorCode})";
            if ((int)ex.StatusCode >= 500)
            {
                throw new PermanentDeliveryFailureException($"The mail server refused the message: {reply}");
            }

            throw new MailDeferredException($"The mail server deferred the message: {reply}", ex);
        }
    }

    internal static SecureSocketOptions SocketOptions(MailSecurity security) => security switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        MailSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        _ => SecureSocketOptions.StartTls,
    };
}
