using System.Globalization;
using System.Text;
using System.Text.Json;
using CareDesk.Platform.Localization;
using CareDesk.Platform.Mail;
using CareDesk.Platform.Outbox;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace CareDesk.Features.Complaints.Trending;

/// <summary>
/// Delivers a trend alert from the outbox as e-mail to one quality user, in their language, with a link to the trend page
/// of that model and code. Without <c>Mail:Host</c> it is skipped with a log line, like every notice.
/// </summary>
public sealed partial class TrendAlertEmail(SmtpMailer mailer, IStringLocalizer<TrendingText> text, ILogger<TrendAlertEmail> logger) : IOutboxHandler
{
    public const string MessageType = "trend-alert-email";

    public string Type => MessageType;

    public sealed record Notice(TrendAlert Alert, string Email, string? Name, string? Language);

    public static string Payload(TrendAlert alert, string email, string? name, string? language) =>
        JsonSerializer.Serialize(new Notice(alert, email, name, language), JsonSerializerOptions.Web);

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var settings = mailer.Settings;
        if (!settings.IsConfigured)
        {
            LogNoMail(logger, message.Id);
            return;
        }

        Notice? notice;
        try
        {
            notice = JsonSerializer.Deserialize<Notice>(message.Payload, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            notice = null;
        }

        if (notice?.Alert is null || !MailboxAddress.TryParse(notice.Email, out var to))
        {
            throw new PermanentDeliveryFailureException("Unreadable trend alert or recipient address.");
        }

        to.Name = notice.Name;
        var mail = Compose(notice, settings);
        mail.From.Add(new MailboxAddress(settings.FromName, settings.From!));
        mail.To.Add(to);
        mail.MessageId = $"{message.Id:N}@caredesk";
        await mailer.SendAsync(mail, cancellationToken);
    }

    internal MimeMessage Compose(Notice notice, MailOptions settings)
    {
        var culture = CultureInfo.GetCultureInfo(SupportedCultures.Normalize(notice.Language));
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var alert = notice.Alert;
            var subject = text["Alert.Title", alert.ModelName, alert.Code].Value;
            var link = $"{settings.AppBaseUrl!.AbsoluteUri.TrimEnd('/')}/quality/trends?model={Uri.EscapeDataString(alert.ModelId)}&code={alert.Code}";
            var body = new StringBuilder()
                .AppendLine(subject)
                .AppendLine()
                .AppendLine(text[$"Alert.Rule.{alert.Rule}", alert.Month, alert.Complaints, alert.Units].Value)
                .AppendLine(text["Alert.EuTrendReport"].Value)
                .AppendLine()
                .AppendLine(text["Mail.Open", link].Value);
            return new MimeMessage
            {
                Subject = subject,
                Body = new TextPart("plain") { Text = body.ToString() },
            };
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trend alert e-mail {MessageId} not sent: no Mail:Host configured")]
    private static partial void LogNoMail(ILogger logger, Guid messageId);
}
