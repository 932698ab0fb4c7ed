using CareDesk.Features.People;
using CareDesk.Platform.Api;

namespace CareDesk.Features.Contacts;

/// <summary>
/// Finds a contact's recording to play: an uploaded file (streamed with range support) or the phone system's link
/// (redirected to). A play is a read of the person's record and is audited; the player's later range requests for the
/// same play (seeking) are not audited again.
/// </summary>
public sealed class PlayRecording(ContactAccess access, RecordingStore store, PersonReads reads)
{
    public sealed record Playback(string? FilePath, string? ContentType, string? Url);

    public async Task<Result<Playback>> RunAsync(Guid id, PersonViewer viewer, bool startOfPlay, CancellationToken cancellationToken)
    {
        var loaded = await access.LoadAsync(id, viewer, cancellationToken, tracked: false);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var contact = loaded.Value!;
        var path = contact.RecordingFile is { } file ? store.PathOf(file) : null;
        if (path is null && contact.RecordingUrl is null)
        {
            return Failure.NotFound("Recording.NotFound");
        }

        if (startOfPlay)
        {
            var reason = $"recording of contact {id}";
            await reads.RecordAsync("Contact", id, contact.PersonId, reason, cancellationToken);
        }

        return path is not null
            ? new Playback(path, contact.RecordingContentType ?? "application/octet-stream", null)
            : new Playback(null, null, contact.RecordingUrl);
    }
}
