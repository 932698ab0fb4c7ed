using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CareDesk.Platform.Live;

/// <summary>
/// A live push on its way between nodes, the payload of one <c>NOTIFY caredesk_live</c>: the whole message, never an id
/// to load (every channel's message is a few hundred bytes; see docs/architecture.md, "Live pushes on every node").
/// </summary>
/// <param name="Node">The node that published it and has already delivered it to its own desktops.</param>
/// <param name="Seq">Counts the node's notices: PostgreSQL folds identical payloads of one transaction into one.</param>
internal sealed record LiveNotice(string Node, long Seq, string Channel, string User, JsonElement Message)
{
    public const string PostgreSqlChannel = "caredesk_live";

    /// <summary>PostgreSQL refuses a NOTIFY payload of 8000 bytes or more (in the server's encoding, UTF-8 here).</summary>
    public const int MaxPayloadBytes = 7999;

    // Chinese as itself (3 bytes a character), not as \uXXXX (6): the payload goes to PostgreSQL, never into a page.
    public static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string ToPayload() => JsonSerializer.Serialize(this, Json);

    public static bool Fits(string payload) => Encoding.UTF8.GetByteCount(payload) <= MaxPayloadBytes;

    /// <summary>The notice in <paramref name="payload"/>, or null when it is not one (someone else notified the channel).</summary>
    public static LiveNotice? Read(string payload)
    {
        try
        {
            var notice = JsonSerializer.Deserialize<LiveNotice>(payload, Json);
            return notice is { Node: not null, Channel: not null, User: not null } ? notice : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
