using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Telephony;

/// <summary>
/// Checks <c>X-CareDesk-Signature: sha256=&lt;hex HMAC-SHA256 of "&lt;timestamp&gt;.&lt;raw body&gt;"&gt;</c> and that
/// <c>X-CareDesk-Timestamp</c> (Unix seconds) is within the allowed skew, so a captured request cannot be replayed later.
/// </summary>
public sealed class WebhookSignature(IOptions<TelephonyOptions> options, TimeProvider time)
{
    public const string TimestampHeader = "X-CareDesk-Timestamp";
    public const string SignatureHeader = "X-CareDesk-Signature";
    private const string Prefix = "sha256=";

    public bool IsValid(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !signature.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > (long)options.Value.AllowedClockSkew.TotalSeconds)
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

        return CryptographicOperations.FixedTimeEquals(Compute(options.Value.WebhookSecret!, timestamp, body), given);
    }

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
