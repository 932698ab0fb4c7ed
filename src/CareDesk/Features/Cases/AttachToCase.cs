using System.Security.Cryptography;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Cases;

/// <summary>
/// Puts a file on a case (a photo of the device, of a meter's screen): JPEG, PNG, HEIC or PDF as its first bytes say, at
/// most <see cref="CaseAttachmentOptions.MaxAttachmentBytes"/>. Whoever may change the case may attach, a masked viewer
/// too (adding is not reading what is there); the timeline says a file was attached, not its name.
/// </summary>
public sealed class AttachToCase(CareDeskDbContext db, CaseAccess access, IOptions<CaseAttachmentOptions> options)
{
    public sealed record Upload(Stream Content, string? FileName);

    public long MaxBytes => options.Value.MaxAttachmentBytes;

    public async Task<Result<Guid>> RunAsync(Guid caseId, Upload? upload, StaffActor actor, CancellationToken cancellationToken)
    {
        var loaded = await access.LoadAsync(caseId, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        if (upload is null)
        {
            return Failure.Invalid("file", "Attachment.FileRequired");
        }

        var read = await ReadAsync(upload.Content, cancellationToken);
        if (read.Failure is { } tooLarge)
        {
            return tooLarge;
        }

        var content = read.Value!;
        if (content.Length == 0)
        {
            return Failure.Invalid("file", "Attachment.Empty");
        }

        if (AttachmentKinds.Detect(content.AsSpan(0, Math.Min(content.Length, AttachmentKinds.HeadLength))) is not { } contentType)
        {
            return Failure.Invalid("file", "Attachment.TypeRefused", string.Join(", ", AttachmentKinds.Accepted));
        }

        var now = access.Now();
        var attachment = new CaseAttachment
        {
            CaseId = caseId,
            FileName = CleanName(upload.FileName, contentType),
            ContentType = contentType,
            Length = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            UploadedBy = actor.UserId,
            UploadedAt = now,
        };
        db.CaseAttachments.Add(attachment);
        var saved = await access.SaveAsync(loaded.Value!, new CaseEntry
        {
            Kind = CaseEntryKind.AttachmentAdded,
            At = now,
            ActorUserId = actor.UserId,
            Text = AttachmentKinds.IsImage(contentType) ? "photo" : "document",
        }, cancellationToken);
        return saved.Succeeded ? attachment.Id : saved.Failure!;
    }

    /// <summary>Reads the whole file, stopping one byte past the limit: a client's Content-Length is not trusted.</summary>
    private async Task<Result<byte[]>> ReadAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int count;
        while ((count = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + count > MaxBytes)
            {
                return Failure.Invalid("file", "Attachment.TooLarge", MaxBytes / (1024 * 1024));
            }

            buffer.Write(chunk, 0, count);
        }

        return buffer.ToArray();
    }

    /// <summary>The name without any folder, control character or overlong tail; a nameless file is named after its kind.</summary>
    internal static string CleanName(string? fileName, string contentType)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('\u202E' or '\u202D' or '\u2066' or '\u2067' or '\u2068' or '\u2069'))]).Trim();
        if (name.Length == 0)
        {
            name = contentType switch
            {
                AttachmentKinds.Pdf => "document.pdf",
                AttachmentKinds.Png => "image.png",
                AttachmentKinds.Heic => "image.heic",
                _ => "image.jpg",
            };
        }

        return name.Length <= 255 ? name : name[^255..];
    }
}
