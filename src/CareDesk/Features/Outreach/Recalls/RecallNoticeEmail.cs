using System.Globalization;
using System.Text;
using System.Text.Json;
using CareDesk.Platform.Mail;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace CareDesk.Features.Outreach;

/// <summary>
/// Delivers a recall's safety notice from the outbox as an e-mail to an affected person whom the calls did not reach
/// (F21a, "by every channel until reached"), in the person's language: the notice text and the recall's name. Without
/// <c>Mail:Host</c> each one is skipped with a log line, as every notice e-mail is.
/// </summary>
public sealed class RecallNoticeEmail(SmtpMailer mailer, IStringLocalizer<RecallsText> text, ILogger<RecallNoticeEmail> logger)
    : NoticeEmail<RecallNoticeEmail.Notice>(mailer, logger)
{
    public const string MessageType = "recall-notice-email";

    public override string Type => MessageType;

    /// <summary>The outbox payload: which recall, its notice in both languages, and to whom.</summary>
    public sealed record Notice(Guid RecallId, Guid PersonId, string RecallName, string SummaryZh, string SummaryEn, string Email, string? Name, string? Language)
        : INoticeRecipient;

    public static string Payload(Recall recall, Guid personId, string email, string? name, string? language) =>
        JsonSerializer.Serialize(new Notice(recall.Id, personId, recall.Name, recall.SummaryZh, recall.SummaryEn, email, name, language), JsonSerializerOptions.Web);

    protected override bool IsComplete(Notice notice) => !string.IsNullOrWhiteSpace(notice.SummaryZh) && !string.IsNullOrWhiteSpace(notice.SummaryEn);

    protected override (string Subject, string Body) Write(Notice notice, string appBaseUrl, CultureInfo culture)
    {
        var subject = text["Mail.Subject", notice.RecallName].Value;
        var summary = culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? notice.SummaryZh : notice.SummaryEn;
        var body = new StringBuilder()
            .AppendLine(text["Mail.Greeting", notice.Name ?? ""])
            .AppendLine()
            .AppendLine(subject)
            .AppendLine()
            .AppendLine(summary)
            .AppendLine()
            .AppendLine(text["Mail.CallUs"])
            .AppendLine()
            .AppendLine("-- ")
            .AppendLine(text["Mail.Footer"]);
        return (subject, body.ToString());
    }
}
