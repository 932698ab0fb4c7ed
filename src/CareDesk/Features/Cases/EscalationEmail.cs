using System.Globalization;
using System.Text;
using System.Text.Json;
using CareDesk.Platform.Localization;
using CareDesk.Platform.Mail;
using CareDesk.Platform.Outbox;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace CareDesk.Features.Cases;

/// <summary>
/// Delivers escalation alerts, supervisor notices, callback warnings and overdue-callback notices from the outbox as e-mail to the
/// recipient's address, written in the recipient's language and time zone at the moment of sending, with the case
/// number and a link to the case. Without <c>Mail:Host</c> each one is skipped with a log line (docs/cases.md).
/// </summary>
public sealed partial class EscalationEmail(
    SmtpMailer mailer, IStringLocalizer<CasesText> text, IStringLocalizer<Complaints.RedFlags.RedFlagsText> redFlags, ILogger<EscalationEmail> logger) : IOutboxHandler
{
    public const string MessageType = "escalation-email";

    public string Type => MessageType;

    /// <summary>The outbox payload: what happened (as <see cref="EscalationAlert"/>) and to whom.</summary>
    /// <param name="RedFlags">The red flags that started an urgent medical escalation (wire names), named in the mail.</param>
    public sealed record Notice(
        string Kind, Guid CaseId, string CaseNumber, string Subject, string? OtherName, DateTimeOffset? DueAt,
        string Email, string? Name, string? Language, string? TimeZone, IReadOnlyList<string>? RedFlags = null);

    public static string Payload(EscalationAlert alert, string email, string? name, string? language, string? timeZone) =>
        JsonSerializer.Serialize(
            new Notice(alert.Kind, alert.CaseId, alert.CaseNumber, alert.Subject, alert.ExpertName, alert.AcknowledgeBy, email, name, language, timeZone, alert.RedFlags),
            JsonSerializerOptions.Web);

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

        if (notice is null || !MailboxAddress.TryParse(notice.Email, out var to))
        {
            throw new PermanentDeliveryFailureException("Unreadable e-mail notice or recipient address.");
        }

        to.Name = notice.Name;
        var mail = Compose(notice, settings);
        // MailOptions validation makes From and AppBaseUrl required once Host is set.
        mail.From.Add(new MailboxAddress(settings.FromName, settings.From!));
        mail.To.Add(to);
        // The outbox delivers at least once: one Message-Id per outbox message lets a mail system drop a repeat.
        mail.MessageId = $"{message.Id:N}@caredesk";
        await mailer.SendAsync(mail, cancellationToken);
    }

    /// <summary>Subject and body in the recipient's language; times in the recipient's time zone.</summary>
    internal MimeMessage Compose(Notice notice, MailOptions settings)
    {
        var culture = CultureInfo.GetCultureInfo(SupportedCultures.Normalize(notice.Language));
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var due = notice.DueAt is { } at ? Format(at, notice.TimeZone, culture) : "";
            var (subject, detail) = notice.Kind switch
            {
                "alert" => (text["Alert.Title", notice.CaseNumber].Value, text["Alert.AcknowledgeBy", due].Value),
                "callback-overdue" => (text["Mail.Subject.CallbackOverdue", notice.CaseNumber].Value,
                    text["Alert.CallbackOverdue", notice.CaseNumber, notice.OtherName ?? "", due].Value),
                "callback-warning" => (text["Mail.Subject.CallbackWarning", notice.CaseNumber].Value,
                    text["Alert.CallbackWarning", notice.CaseNumber, due].Value),
                "service-level-warning" or "service-level-breach" => ServiceLevelLines(notice, due),
                _ => (text["Mail.Subject.Supervisor", notice.CaseNumber].Value,
                    notice.OtherName is null ? text["Alert.SupervisorNobody", notice.CaseNumber].Value : text["Alert.Supervisor", notice.CaseNumber, notice.OtherName].Value),
            };
            var link = $"{settings.AppBaseUrl!.AbsoluteUri.TrimEnd('/')}/cases/{notice.CaseId}";
            // An urgent medical escalation says what the caller reported before anything else.
            if (Complaints.RedFlags.RedFlagNames.Line(notice.RedFlags, notice.Language, redFlags) is { } flagged)
            {
                detail = $"{flagged}{Environment.NewLine}{detail}";
            }

            var body = new StringBuilder()
                .AppendLine(subject)
                .AppendLine(notice.Subject)
                .AppendLine()
                .AppendLine(detail)
                .AppendLine()
                .AppendLine(text["Mail.Open", link])
                .AppendLine()
                .AppendLine("-- ")
                .AppendLine(text["Mail.Footer"]);
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

    private (string Subject, string Detail) ServiceLevelLines(Notice notice, string due)
    {
        var clockName = text[$"Clock.{notice.OtherName}"].Value;
        var line = text[notice.Kind == "service-level-breach" ? "Alert.ServiceLevelBreach" : "Alert.ServiceLevelWarning", notice.CaseNumber, clockName, due].Value;
        return (line, text["ServiceLevel.Due", due].Value);
    }

    private static string Format(DateTimeOffset instant, string? timeZone, CultureInfo culture)
    {
        var zone = timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        return $"{TimeZoneInfo.ConvertTime(instant, zone).ToString("g", culture)} ({zone.Id})";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation e-mail {MessageId} not sent: no Mail:Host configured")]
    private static partial void LogNoMail(ILogger logger, Guid messageId);
}
