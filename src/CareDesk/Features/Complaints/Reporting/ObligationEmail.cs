using System.Globalization;
using System.Text;
using System.Text.Json;
using CareDesk.Platform.Localization;
using CareDesk.Platform.Mail;
using CareDesk.Platform.Outbox;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace CareDesk.Features.Complaints.Reporting;

/// <summary>
/// Delivers obligation alerts from the outbox as e-mail in the recipient's language and time zone, with a link to the
/// due list. Without <c>Mail:Host</c> each one is skipped with a log line, as escalation e-mails are.
/// </summary>
public sealed partial class ObligationEmail(SmtpMailer mailer, IStringLocalizer<ReportingText> text, ILogger<ObligationEmail> logger) : IOutboxHandler
{
    public const string MessageType = "obligation-email";

    public string Type => MessageType;

    public sealed record Notice(ObligationAlert Alert, string Email, string? Name, string? Language, string? TimeZone);

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
            throw new PermanentDeliveryFailureException("Unreadable obligation notice or recipient address.");
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
            var zone = notice.TimeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(notice.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
            var due = $"{Dates.Format(TimeZoneInfo.ConvertTime(alert.DueAt, zone).DateTime, culture)} ({TimeZoneNames.Of(zone.Id)})";
            var subject = text[$"Alert.{alert.Kind}", alert.CaseNumber, text[$"Market.{alert.Market}"].Value, text[$"Kind.{alert.ObligationKind}"].Value, due].Value;
            var link = $"{settings.AppBaseUrl!.AbsoluteUri.TrimEnd('/')}/quality/obligations";
            var body = new StringBuilder()
                .AppendLine(subject)
                .AppendLine()
                .AppendLine(text["Mail.Open", link])
                .AppendLine()
                .AppendLine("-- ")
                .AppendLine(text["Mail.Footer"]);
            return new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = body.ToString() } };
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Obligation e-mail {MessageId} not sent: no Mail:Host configured")]
    private static partial void LogNoMail(ILogger logger, Guid messageId);
}
