using System.Globalization;
using System.Text.Json;
using CareDesk.Platform.Localization;
using CareDesk.Platform.Outbox;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace CareDesk.Platform.Mail;

/// <summary>
/// Delivers one kind of notice from the outbox as an e-mail to one person, written in their language at the moment of
/// sending. The feature says what its notice holds and how it reads (<see cref="Write"/>); this class reads the
/// payload, refuses an unreadable one for good, and sends with one Message-Id per outbox message (the outbox delivers
/// at least once: a mail system can drop a repeat). Without <c>Mail:Host</c> each notice is skipped with a log line.
/// </summary>
public abstract partial class NoticeEmail<TNotice>(SmtpMailer mailer, ILogger logger) : IOutboxHandler
    where TNotice : class, INoticeRecipient
{
    public abstract string Type { get; }

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var settings = mailer.Settings;
        if (!settings.IsConfigured)
        {
            LogNoMail(logger, Type, message.Id);
            return;
        }

        TNotice? notice;
        try
        {
            notice = JsonSerializer.Deserialize<TNotice>(message.Payload, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            notice = null;
        }

        if (notice is null || !IsComplete(notice) || !MailboxAddress.TryParse(notice.Email, out var to))
        {
            throw new PermanentDeliveryFailureException($"Unreadable {Type} notice or recipient address.");
        }

        to.Name = notice.Name;
        var mail = Compose(notice, settings);
        // MailOptions validation makes From and AppBaseUrl required once Host is set.
        mail.From.Add(new MailboxAddress(settings.FromName, settings.From!));
        mail.To.Add(to);
        mail.MessageId = $"{message.Id:N}@caredesk";
        await mailer.SendAsync(mail, cancellationToken);
    }

    /// <summary>Subject and body in the recipient's language (their culture is current while <see cref="Write"/> runs).</summary>
    internal MimeMessage Compose(TNotice notice, MailOptions settings)
    {
        var culture = CultureInfo.GetCultureInfo(SupportedCultures.Normalize(notice.Language));
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var (subject, body) = Write(notice, settings.AppBaseUrl!.AbsoluteUri.TrimEnd('/'), culture);
            return new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = body } };
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }

    /// <summary>Whether a deserialised notice holds what <see cref="Write"/> needs (beyond the recipient).</summary>
    protected virtual bool IsComplete(TNotice notice) => true;

    /// <summary>The mail's subject and plain-text body; <paramref name="appBaseUrl"/> has no trailing slash.</summary>
    protected abstract (string Subject, string Body) Write(TNotice notice, string appBaseUrl, CultureInfo culture);

    /// <summary>An instant as the recipient reads it: on their clock, with their zone's offset (not its IANA id).</summary>
    protected static string At(DateTimeOffset instant, string? timeZone, CultureInfo culture)
    {
        var zone = timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        return $"{Dates.Format(TimeZoneInfo.ConvertTime(instant, zone).DateTime, culture)} ({TimeZoneNames.Of(zone.Id)})";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Type} e-mail {MessageId} not sent: no Mail:Host configured")]
    private static partial void LogNoMail(ILogger logger, string type, Guid messageId);
}
