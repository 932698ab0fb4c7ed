namespace CareDesk.Features.Contacts;

/// <summary>
/// A recording: <c>file</c> (uploaded, with its size and SHA-256) or <c>link</c> (kept by the phone system).
/// <paramref name="PlayUrl"/> plays either through CareDesk, so every play is checked and audited.
/// </summary>
public sealed record RecordingView(string Kind, string PlayUrl, string? ContentType, long? Bytes, string? Sha256, string? Url);
