namespace CareDesk.Platform.Mail;

/// <summary>How the SMTP connection is secured (MailKit's <c>SecureSocketOptions</c>, named for operators).</summary>
public enum MailSecurity
{
    /// <summary>Plain text: only for a relay on the same host or in tests.</summary>
    None,

    /// <summary>STARTTLS is required (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>STARTTLS when the server offers it, plain text otherwise.</summary>
    StartTlsWhenAvailable,
}
