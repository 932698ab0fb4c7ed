namespace CareDesk.Platform.Mail;

/// <summary>The mail server answered "try again later" (4xx): the outbox retries.</summary>
public sealed class MailDeferredException(string message, Exception inner) : Exception(message, inner);
