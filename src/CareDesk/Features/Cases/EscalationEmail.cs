using System.Globalization;
using System.Text;
using System.Text.Json;
using CareDesk.Platform.Mail;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace CareDesk.Features.Cases;

/// <summary>
/// Delivers escalation alerts, supervisor notices, callback warnings and overdue-callback notices from the outbox as e-mail to the
/// recipient's address, written in the recipient's language and time zone at the moment of sending, with the case
/// number and a link to the case. Without <c>Mail:Host</c> each one is skipped with a log line (docs/cases.md).
/// </summary>
public sealed class EscalationEmail(
    SmtpMailer mailer, IStringLocalizer<CasesText> text, IStringLocalizer<Complaints.RedFlags.RedFlagsText> redFlags, ILogger<EscalationEmail> logger)
    : NoticeEmail<EscalationEmail.Notice>(mailer, logger)
{
    public const string MessageType = "escalation-email";

    public override string Type => MessageType;

    /// <summary>The outbox payload: what happened (as <see cref="EscalationAlert"/>) and to whom.</summary>
    /// <param name="RedFlags">The red flags that started an urgent medical escalation (wire names), named in the mail.</param>
    public sealed record Notice(
        string Kind, Guid CaseId, string CaseNumber, string Subject, string? OtherName, DateTimeOffset? DueAt,
        string Email, string? Name, string? Language, string? TimeZone, IReadOnlyList<string>? RedFlags = null) : INoticeRecipient;

    public static string Payload(EscalationAlert alert, string email, string? name, string? language, string? timeZone) =>
        JsonSerializer.Serialize(
            new Notice(alert.Kind, alert.CaseId, alert.CaseNumber, alert.Subject, alert.ExpertName, alert.AcknowledgeBy, email, name, language, timeZone, alert.RedFlags),
            JsonSerializerOptions.Web);

    protected override (string Subject, string Body) Write(Notice notice, string appBaseUrl, CultureInfo culture)
    {
        var due = notice.DueAt is { } at ? At(at, notice.TimeZone, culture) : "";
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
            .AppendLine(text["Mail.Open", $"{appBaseUrl}/cases/{notice.CaseId}"])
            .AppendLine()
            .AppendLine("-- ")
            .AppendLine(text["Mail.Footer"]);
        return (subject, body.ToString());
    }

    private (string Subject, string Detail) ServiceLevelLines(Notice notice, string due)
    {
        var clockName = text[$"Clock.{notice.OtherName}"].Value;
        var line = text[notice.Kind == "service-level-breach" ? "Alert.ServiceLevelBreach" : "Alert.ServiceLevelWarning", notice.CaseNumber, clockName, due].Value;
        return (line, text["ServiceLevel.Due", due].Value);
    }
}
