using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CareDesk.Relay;

/// <summary>
/// The relay's input: <c>POST /events</c> with one event as JSON, in CareDesk's shape (docs/telephony.md), unsigned.
/// The answer 202 means the event is on disk and will be delivered; anything else means it is not, and the sender should
/// send it again (the same <c>eventId</c> has no second effect in CareDesk).
/// </summary>
internal static class EventIntake
{
    public const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapEventIntake(this IEndpointRouteBuilder app)
    {
        app.MapPost("/events", AcceptAsync);
        app.MapGet("/health", (Spool spool, OutageLog outage) =>
            TypedResults.Ok(new { pending = spool.PendingCount, dead = spool.DeadCount, careDeskAccepting = !outage.InOutage }));
        return app;
    }

    private static async Task<IResult> AcceptAsync(
        HttpRequest request, Spool spool, Deliveries deliveries, IOptions<RelayOptions> options, CancellationToken cancellationToken)
    {
        if (options.Value.InputToken is { Length: > 0 } token && !HasToken(request, token))
        {
            return TypedResults.Problem("A bearer token is required (Relay:InputToken).", statusCode: StatusCodes.Status401Unauthorized);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.ToArray();
        var (callId, eventId, problem) = Spool.Identify(body);
        if (problem is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [problem] = [problem == "body"
                    ? "The body must be one JSON object: an event as docs/telephony.md describes it."
                    : $"{problem} is required: a string of 1 to 128 characters."],
            });
        }

        try
        {
            await spool.AcceptAsync(body, callId!, eventId!, deliveries.Enqueue, cancellationToken);
        }
        catch (IOException)
        {
            // Not on disk, so not acknowledged: the sender keeps the event and tries again.
            return TypedResults.Problem("The relay cannot write its spool.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Accepted((string?)null, new { eventId, spooled = true });
    }

    private static bool HasToken(HttpRequest request, string token)
    {
        var given = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        return given.StartsWith(Scheme, StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given[Scheme.Length..]), Encoding.UTF8.GetBytes(token));
    }
}
