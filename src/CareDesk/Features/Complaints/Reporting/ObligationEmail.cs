using System.Globalization;
using System.Text;
using CareDesk.Platform.Mail;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace CareDesk.Features.Complaints.Reporting;

/// <summary>
/// Delivers obligation alerts from the outbox as e-mail in the recipient's language and time zone, with a link to the
/// due list. Without <c>Mail:Host</c> each one is skipped with a log line, as escalation e-mails are.
/// </summary>
public sealed class ObligationEmail(SmtpMailer mailer, IStringLocalizer<ReportingText> text, ILogger<ObligationEmail> logger)
    : NoticeEmail<ObligationEmail.Notice>(mailer, logger)
{
    public const string MessageType = "obligation-email";

    public override string Type => MessageType;

    public sealed record Notice(ObligationAlert Alert, string Email, string? Name, string? Language, string? TimeZone) : INoticeRecipient;

    protected override bool IsComplete(Notice notice) => notice.Alert is not null;

    protected override (string Subject, string Body) Write(Notice notice, string appBaseUrl, CultureInfo culture)
    {
        var alert = notice.Alert;
        var due = At(alert.DueAt, notice.TimeZone, culture);
        var subject = text[$"Alert.{alert.Kind}", alert.CaseNumber, text[$"Market.{alert.Market}"].Value, text[$"Kind.{alert.ObligationKind}"].Value, due].Value;
        var body = new StringBuilder()
            .AppendLine(subject)
            .AppendLine()
            .AppendLine(text["Mail.Open", $"{appBaseUrl}/quality/obligations"])
            .AppendLine()
            .AppendLine("-- ")
            .AppendLine(text["Mail.Footer"]);
        return (subject, body.ToString());
    }
}
