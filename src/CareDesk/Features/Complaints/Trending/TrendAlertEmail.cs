using System.Globalization;
using System.Text;
using System.Text.Json;
using CareDesk.Platform.Mail;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace CareDesk.Features.Complaints.Trending;

/// <summary>
/// Delivers a trend alert from the outbox as e-mail to one quality user, in their language, with a link to the trend page
/// of that model and code. Without <c>Mail:Host</c> it is skipped with a log line, like every notice.
/// </summary>
public sealed class TrendAlertEmail(SmtpMailer mailer, IStringLocalizer<TrendingText> text, ILogger<TrendAlertEmail> logger)
    : NoticeEmail<TrendAlertEmail.Notice>(mailer, logger)
{
    public const string MessageType = "trend-alert-email";

    public override string Type => MessageType;

    public sealed record Notice(TrendAlert Alert, string Email, string? Name, string? Language) : INoticeRecipient;

    public static string Payload(TrendAlert alert, string email, string? name, string? language) =>
        JsonSerializer.Serialize(new Notice(alert, email, name, language), JsonSerializerOptions.Web);

    protected override bool IsComplete(Notice notice) => notice.Alert is not null;

    protected override (string Subject, string Body) Write(Notice notice, string appBaseUrl, CultureInfo culture)
    {
        var alert = notice.Alert;
        var subject = text["Alert.Title", alert.ModelName, alert.Code].Value;
        var link = $"{appBaseUrl}/quality/trends?model={Uri.EscapeDataString(alert.ModelId)}&code={alert.Code}";
        var body = new StringBuilder()
            .AppendLine(subject)
            .AppendLine()
            .AppendLine(text[$"Alert.Rule.{alert.Rule}", alert.Month, alert.Complaints, alert.Units].Value)
            .AppendLine(text["Alert.EuTrendReport"].Value)
            .AppendLine()
            .AppendLine(text["Mail.Open", link].Value);
        return (subject, body.ToString());
    }
}
