using System.Globalization;
using System.Net;
using System.Text;
using CareDesk.Platform.Outbox;
using CareDesk.Platform.Webhooks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Cases;

/// <summary>
/// Delivers escalation pages from the outbox to the paging or SMS gateway: a JSON POST signed like the telephony
/// webhook (<c>X-CareDesk-Timestamp</c>, <c>X-CareDesk-Signature: sha256=…</c> over "timestamp.body" with
/// <see cref="EscalationOptions.PagingWebhookSecret"/>). A 4xx answer will not get better by retrying; anything else
/// that is not a success is retried by the outbox with backoff.
/// </summary>
public sealed partial class PagingWebhook(IHttpClientFactory clients, IOptions<EscalationOptions> options, TimeProvider clock, ILogger<PagingWebhook> logger) : IOutboxHandler
{
    public const string ClientName = "paging";

    public string Type => EscalationAlerts.PagingMessageType;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.PagingWebhookUrl is null)
        {
            // No pager configured: the live alert in the app is the only channel (documented in docs/cases.md).
            LogNoPager(logger, message.Id);
            return;
        }

        var body = Encoding.UTF8.GetBytes(message.Payload);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.PagingWebhookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-CareDesk-Message-Id", message.Id.ToString());
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(settings.PagingWebhookSecret ?? "", timestamp, body));
        using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = (int)response.StatusCode;
        if (status is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests))
        {
            throw new PermanentDeliveryFailureException($"The pager refused the page: {status}");
        }

        throw new HttpRequestException($"The pager answered {status}", null, response.StatusCode);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation page {MessageId} not sent: no Escalation:PagingWebhookUrl configured")]
    private static partial void LogNoPager(ILogger logger, Guid messageId);
}
