using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CareDesk.Relay;

/// <summary>
/// The durable spool: one file per event. An event is written to <c>incoming/</c>, flushed to disk, then renamed into
/// <c>pending/</c> (atomic) and the folder flushed — only then is it acknowledged to the phone system. A delivered event's
/// file is deleted; one CareDesk refuses as invalid moves to <c>dead/</c> beside a <c>.reason.txt</c>. On start the
/// relay reads <c>pending/</c> back in arrival order; anything left in <c>incoming/</c> was never acknowledged and is dropped.
/// </summary>
public sealed class Spool
{
    private const string Extension = ".json";
    private readonly Lock gate = new();
    private readonly ILogger<Spool> logger;
    private long nextSequence;

    public Spool(IOptions<RelayOptions> options, ILogger<Spool> logger)
    {
        this.logger = logger;
        var root = Path.GetFullPath(options.Value.SpoolDirectory);
        IncomingDirectory = Directory.CreateDirectory(Path.Combine(root, "incoming")).FullName;
        PendingDirectory = Directory.CreateDirectory(Path.Combine(root, "pending")).FullName;
        DeadDirectory = Directory.CreateDirectory(Path.Combine(root, "dead")).FullName;
        Recovered = Recover();
        nextSequence = Recovered.Count == 0 ? 1 : Recovered[^1].Sequence + 1;
        // A dead event keeps its number: never reuse it, or a later dead event would overwrite its file.
        foreach (var dead in Directory.EnumerateFiles(DeadDirectory, "*" + Extension))
        {
            if (SequenceOf(dead) is { } sequence && sequence >= nextSequence)
            {
                nextSequence = sequence + 1;
            }
        }
    }

    public string IncomingDirectory { get; }

    public string PendingDirectory { get; }

    public string DeadDirectory { get; }

    /// <summary>The events found in <c>pending/</c> at start, oldest first.</summary>
    public IReadOnlyList<SpooledEvent> Recovered { get; }

    public int PendingCount => Directory.EnumerateFiles(PendingDirectory, "*" + Extension).Count();

    public int DeadCount => Directory.EnumerateFiles(DeadDirectory, "*" + Extension).Count();

    /// <summary>
    /// Makes the event durable and returns it; <paramref name="onSpooled"/> runs as it gets its number, so events queue in
    /// the order they are numbered. When this returns the event is on disk and may be acknowledged.
    /// </summary>
    public async Task<SpooledEvent> AcceptAsync(
        ReadOnlyMemory<byte> body, string callId, string eventId, Action<SpooledEvent> onSpooled, CancellationToken cancellationToken)
    {
        var incoming = Path.Combine(IncomingDirectory, Guid.NewGuid().ToString("N") + Extension);
        await using (var file = new FileStream(incoming, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
        {
            await file.WriteAsync(body, cancellationToken);
            file.Flush(flushToDisk: true);
        }

        SpooledEvent spooled;
        lock (gate)
        {
            var sequence = nextSequence++;
            var path = Path.Combine(PendingDirectory, FileName(sequence));
            File.Move(incoming, path);
            spooled = new SpooledEvent(sequence, callId, eventId, path, body);
            onSpooled(spooled);
        }

        DirectorySync.Flush(PendingDirectory);
        return spooled;
    }

    /// <summary>
    /// CareDesk accepted it. A crash before the deletion reaches the disk only means the event is sent again, which
    /// CareDesk answers as a duplicate of the same event id.
    /// </summary>
    public static void Complete(SpooledEvent spooled) => File.Delete(spooled.Path);

    /// <summary>CareDesk refused it as invalid: kept in <c>dead/</c> with why, for a person to look at.</summary>
    public string DeadLetter(SpooledEvent spooled, string reason)
    {
        var target = Path.Combine(DeadDirectory, FileName(spooled.Sequence));
        // The reason first: a crash between the two steps leaves the event pending, and it is refused (and moved) again.
        File.WriteAllText(Path.ChangeExtension(target, ".reason.txt"), reason + Environment.NewLine);
        File.Move(spooled.Path, target, overwrite: true);
        DirectorySync.Flush(DeadDirectory);
        return target;
    }

    /// <summary>Whether a body names the event and the call (what the relay needs to spool and order it).</summary>
    public static (string? CallId, string? EventId, string? Problem) Identify(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null, "body");
            }

            var eventId = Text(document.RootElement, "eventId");
            var callId = Text(document.RootElement, "callId");
            return eventId is null ? (null, null, "eventId") : callId is null ? (null, null, "callId") : (callId, eventId, null);
        }
        catch (JsonException)
        {
            return (null, null, "body");
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 and <= 128 } text && !string.IsNullOrWhiteSpace(text)
            ? text
            : null;

    private List<SpooledEvent> Recover()
    {
        foreach (var unacknowledged in Directory.EnumerateFiles(IncomingDirectory))
        {
            File.Delete(unacknowledged);
        }

        var recovered = new List<SpooledEvent>();
        foreach (var path in Directory.EnumerateFiles(PendingDirectory, "*" + Extension))
        {
            if (SequenceOf(path) is not { } sequence)
            {
                continue; // Not the relay's file.
            }

            var body = File.ReadAllBytes(path);
            var (callId, eventId, problem) = Identify(body);
            var spooled = new SpooledEvent(sequence, callId ?? "", eventId ?? "", path, body);
            if (problem is not null)
            {
                // Only a file someone put there by hand gets here: the relay spools nothing it cannot identify.
                logger.LogWarning("Spooled file {File} names no {Field}; moved to the dead-letter folder.", path, problem);
                DeadLetter(spooled, $"the relay could not read {problem} from it");
                continue;
            }

            recovered.Add(spooled);
        }

        recovered.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return recovered;
    }

    private static string FileName(long sequence) => sequence.ToString("D19", CultureInfo.InvariantCulture) + Extension;

    private static long? SequenceOf(string path) =>
        long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : null;
}
