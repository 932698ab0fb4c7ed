using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CareDesk.Platform.Webhooks;

/// <summary>
/// CareDesk's webhook signature, in both directions: <c>X-CareDesk-Signature: sha256=&lt;hex HMAC-SHA256 of
/// "&lt;timestamp&gt;.&lt;raw body&gt;"&gt;</c> with <c>X-CareDesk-Timestamp</c> (Unix seconds) within the allowed skew, so a
/// captured request cannot be replayed later. The phone system signs the call events it posts (Telephony checks them);
/// CareDesk signs the pages it sends to a pager (Cases).
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-CareDesk-Timestamp";
    public const string SignatureHeader = "X-CareDesk-Signature";
    private const string Prefix = "sha256=";

    public static bool IsValid(string secret, TimeSpan allowedSkew, DateTimeOffset now, string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !signature.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > (long)allowedSkew.TotalSeconds)
        {
            return false;
        }

        var hex = signature.AsSpan(Prefix.Length);
        if (hex.Length != 64)
        {
            return false;
        }

        Span<byte> given = stackalloc byte[32];
        if (Convert.FromHexString(hex, given, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Compute(secret, timestamp, body), given);
    }

    /// <summary>The <see cref="SignatureHeader"/> value for a timestamp and body.</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(Compute(secret, timestamp, body));

    /// <summary>The signature bytes for a timestamp and body (what the sender computes).</summary>
    public static byte[] Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }
}
