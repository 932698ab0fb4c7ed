using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Contacts;

/// <summary>
/// Stores an uploaded audio file as the contact's recording (F10, F25): audio only, at most
/// <see cref="ContactsOptions.MaxRecordingBytes"/>, kept as a file with its SHA-256. A new upload replaces the old one.
/// </summary>
public sealed class AttachRecording(CareDeskDbContext db, ContactAccess access, RecordingStore store, ContactViews views)
{
    public sealed record Upload(Stream Content, string? ContentType, string? FileName, long? Length);

    public async Task<Result<ContactView>> RunAsync(Guid id, Upload? upload, PersonViewer viewer, CancellationToken cancellationToken)
    {
        var loaded = await access.LoadAsync(id, viewer, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        if (upload is null)
        {
            return Failure.Invalid("file", "Recording.FileRequired");
        }

        var contentType = upload.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (contentType is null || !contentType.StartsWith("audio/", StringComparison.Ordinal) || contentType.Length > 100)
        {
            return Failure.Invalid("file", "Recording.NotAudio");
        }

        if (upload.Length > store.MaxBytes)
        {
            return Failure.Invalid("file", "Recording.TooLarge", store.MaxBytes);
        }

        var stored = await store.SaveAsync(id, upload.Content, RecordingStore.Extension(upload.FileName), cancellationToken);
        if (stored.Failure is { } invalid)
        {
            return invalid;
        }

        var contact = loaded.Value!;
        // The phone system may fill in the call at the same moment: the upload is applied again to the new version.
        for (var attempt = 1; ; attempt++)
        {
            contact.RecordingFile = stored.Value!.FileName;
            contact.RecordingBytes = stored.Value.Bytes;
            contact.RecordingSha256 = stored.Value.Sha256;
            contact.RecordingContentType = contentType;
            contact.HasRecording = true;
            contact.Version = Guid.NewGuid();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return await views.BuildAsync(contact, viewer.Masked, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                await db.Entry(contact).ReloadAsync(cancellationToken);
            }
        }
    }
}
