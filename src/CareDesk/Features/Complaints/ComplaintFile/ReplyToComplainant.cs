using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;

namespace CareDesk.Features.Complaints.ComplaintFile;

/// <summary>
/// Quality records the reply sent to the complainant, in their language (F16): the text as sent, when and by whom.
/// Every reply is kept (<see cref="ComplaintReply"/>); the file's own reply fields show the latest sent.
/// </summary>
public sealed class ReplyToComplainant(Platform.Data.CareDeskDbContext db, ComplaintChanges changes)
{
    /// <param name="SentAt">When it was sent, if before now (a letter posted yesterday); default now.</param>
    public sealed record Request(
        [property: Required] string Language,
        [property: Required, MaxLength(4000)] string Text,
        DateTimeOffset? SentAt = null,
        string? Version = null);

    public async Task<Result<Guid>> RunAsync(Guid complaintId, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        if (ComplaintTerms.Language(request.Language) is not { } language)
        {
            return Failure.Invalid("language", "File.LanguageUnknown", string.Join(", ", ComplaintTerms.Languages));
        }

        if (RecordComplaintFile.Blank(request.Text) is not { } text)
        {
            return Failure.Invalid("text", "File.ReplyRequired");
        }

        var now = changes.Now();
        if (request.SentAt > now)
        {
            return Failure.Invalid("sentAt", "File.InFuture");
        }

        var loaded = await changes.LoadAsync(complaintId, request.Version, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var complaint = loaded.Value!;
        // PostgreSQL stores instants in UTC only; a client may send the receiving site's offset (+08:00).
        var sentAt = (request.SentAt ?? now).ToUniversalTime();
        db.Set<ComplaintReply>().Add(new ComplaintReply
        {
            ComplaintId = complaint.Id,
            Language = language,
            Text = text,
            SentAt = sentAt,
            SentBy = actor.UserId,
            RecordedAt = now,
        });
        // A letter recorded late (posted before the last one) does not become the latest.
        if (complaint.ReplySentAt is not { } latest || sentAt >= latest)
        {
            complaint.ReplyLanguage = language;
            complaint.ReplyText = text;
            complaint.ReplySentAt = sentAt;
            complaint.ReplySentBy = actor.UserId;
        }

        return await changes.SaveAsync(complaint, cancellationToken);
    }
}
