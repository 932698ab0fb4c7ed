using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CareDesk.Relay;

/// <summary>
/// One attempt to post an event to CareDesk's webhook (docs/telephony.md), signed afresh: <c>X-CareDesk-Timestamp</c> is
/// now, and <c>X-CareDesk-Signature</c> the HMAC-SHA256 of <c>"&lt;timestamp&gt;.&lt;body&gt;"</c> with the shared secret.
/// A fresh timestamp per attempt matters: CareDesk refuses one more than five minutes old, and an outage lasts longer.
/// </summary>
public sealed class CareDeskWebhook(HttpClient http, IOptions<RelayOptions> options, TimeProvider time)
{
    public const string TimestampHeader = "X-CareDesk-Timestamp";
    public const string SignatureHeader = "X-CareDesk-Signature";

    // The event itself is wrong (bad shape, too large): retrying the same bytes cannot succeed. Every other 4xx — 401 for
    // a wrong secret or clock, 404 for a wrong address, 408, 409, 429 — is the relay's setup or CareDesk's state, so the
    // event is kept and retried rather than thrown away.
    private static readonly HashSet<HttpStatusCode> EventIsInvalid =
    [
        HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnsupportedMediaType, HttpStatusCode.UnprocessableEntity,
    ];

    public async Task<DeliveryOutcome> SendAsync(SpooledEvent spooled, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.WebhookUrl)
        {
            Content = new ReadOnlyMemoryContent(spooled.Body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, "sha256=" + Convert.ToHexStringLower(Sign(settings.Secret!, timestamp, spooled.Body.Span)));

        using var timeout = new CancellationTokenSource(settings.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await http.SendAsync(request, linked.Token);
            if (response.IsSuccessStatusCode)
            {
                return new DeliveryOutcome.Accepted();
            }

            var status = (int)response.StatusCode;
            if (EventIsInvalid.Contains(response.StatusCode))
            {
                var answer = await response.Content.ReadAsStringAsync(linked.Token);
                return new DeliveryOutcome.Refused($"HTTP {status}: {(answer.Length > 4000 ? answer[..4000] : answer)}");
            }

            return new DeliveryOutcome.Retry($"HTTP {status}", RetryAfter(response.Headers.RetryAfter));
        }
        catch (HttpRequestException error)
        {
            return new DeliveryOutcome.Retry($"no connection: {error.HttpRequestError}", null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryOutcome.Retry($"no answer within {settings.RequestTimeout.TotalSeconds:0.#} s", null);
        }
    }

    /// <summary>The signature bytes for a timestamp and body, as CareDesk computes them.</summary>
    public static byte[] Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) =>
        header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
}
