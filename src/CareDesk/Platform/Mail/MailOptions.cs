using System.ComponentModel.DataAnnotations;

namespace CareDesk.Platform.Mail;

/// <summary>
/// Section <c>Mail</c>: the SMTP server CareDesk sends its e-mails through. Without a <see cref="Host"/> nothing is
/// sent (each e-mail is skipped with a log line). The user name and password come from configuration or secrets
/// (environment <c>Mail__Password</c>), never from the repository.
/// </summary>
public sealed class MailOptions : IValidatableObject
{
    public const string Section = "Mail";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Sender address, e.g. <c>caredesk@example.com</c>.</summary>
    [EmailAddress]
    public string? From { get; set; }

    [MaxLength(100)]
    public string FromName { get; set; } = "CareDesk";

    /// <summary>Where staff open CareDesk, for links in e-mails, e.g. <c>https://caredesk.example.com/</c>.</summary>
    public Uri? AppBaseUrl { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsConfigured)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(From))
        {
            yield return new ValidationResult($"{Section}:{nameof(From)} is required when {Section}:{nameof(Host)} is set.", [nameof(From)]);
        }

        if (AppBaseUrl is not { IsAbsoluteUri: true })
        {
            yield return new ValidationResult($"{Section}:{nameof(AppBaseUrl)} must be an absolute URL when {Section}:{nameof(Host)} is set.", [nameof(AppBaseUrl)]);
        }
    }
}
