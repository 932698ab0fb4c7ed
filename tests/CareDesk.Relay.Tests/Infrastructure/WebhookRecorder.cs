using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CareDesk.Relay.Tests.Infrastructure;

/// <summary>
/// Sits in front of CareDesk's webhook (outlives host restarts): records every attempt the relay makes, and while
/// <see cref="Unavailable"/> is set answers 503 with <c>Retry-After</c> instead of letting the attempt through — what
/// CareDesk answers while its database is down.
/// </summary>
public sealed class WebhookRecorder
{
    private readonly Lock gate = new();
    private readonly List<Attempt> attempts = [];
    private TaskCompletionSource<bool>? refusedEnough;
    private int refusalsWanted;

    public sealed record Attempt(string EventId, string CallId, int Status, long SignedAt, long ArrivedAt);

    /// <summary>Seconds of <c>Retry-After</c> to answer with, or null to let attempts through.</summary>
    public int? Unavailable { get; set; }

    public IReadOnlyList<Attempt> Attempts
    {
        get
        {
            lock (gate)
            {
                return [.. attempts];
            }
        }
    }

    /// <summary>Completes once this many attempts have been answered 503.</summary>
    public Task RefusedAsync(int count)
    {
        lock (gate)
        {
            refusalsWanted = count;
            refusedEnough = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            CheckRefusals();
            return refusedEnough.Task;
        }
    }

    /// <summary>The event ids of each call in the order CareDesk first accepted them.</summary>
    public Dictionary<string, List<string>> AcceptedOrderByCall() =>
        Attempts.Where(a => a.Status is >= 200 and < 300)
            .DistinctBy(a => a.EventId)
            .GroupBy(a => a.CallId)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.ArrivedAt).Select(a => a.EventId).ToList());

    public IStartupFilter StartupFilter() => new Filter(this);

    private async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path != "/api/telephony/events")
        {
            await next(context);
            return;
        }

        context.Request.EnableBuffering();
        using var document = await JsonDocument.ParseAsync(context.Request.Body);
        context.Request.Body.Position = 0;
        var eventId = document.RootElement.GetProperty("eventId").GetString()!;
        var callId = document.RootElement.GetProperty("callId").GetString()!;
        var signedAt = long.Parse(context.Request.Headers["X-CareDesk-Timestamp"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        var arrivedAt = TimeProvider.System.GetTimestamp();

        if (Unavailable is { } retryAfter)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            await next(context);
        }

        lock (gate)
        {
            attempts.Add(new Attempt(eventId, callId, context.Response.StatusCode, signedAt, arrivedAt));
            CheckRefusals();
        }
    }

    private void CheckRefusals()
    {
        if (refusedEnough is not null && attempts.Count(a => a.Status == StatusCodes.Status503ServiceUnavailable) >= refusalsWanted)
        {
            refusedEnough.TrySetResult(true);
        }
    }

    private sealed class Filter(WebhookRecorder recorder) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) => recorder.InvokeAsync(context, following));
            next(app);
        };
    }
}
