namespace CareDesk.Platform.Mail;

/// <summary>Who a <see cref="NoticeEmail{TNotice}"/> goes to, and in which language it is written.</summary>
public interface INoticeRecipient
{
    string Email { get; }

    string? Name { get; }

    string? Language { get; }
}
