using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CareDesk.Bench.Desks;

/// <summary>
/// Plays the phone system (signed <c>ringing</c> events, docs/telephony.md) and the agent who recorded the callers
/// beforehand (people with a phone and a device, through the REST API).
/// </summary>
internal sealed class PhoneSystem(Uri baseAddress, string secret, string agent) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public sealed record Caller(Guid PersonId, string Phone);

    public async Task SignInAsync(string password)
    {
        var response = await http.PostAsJsonAsync("/api/auth/login", new { email = agent, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Callers as an agent records them: a mobile number, hard of hearing, one meter under warranty.</summary>
    public async Task<List<Caller>> CreateCallersAsync(int count)
    {
        var models = await http.GetFromJsonAsync<JsonElement>("/api/catalog/models");
        var modelId = models[0].GetProperty("id").GetString()!;
        var callers = new List<Caller>();
        var run = RandomNumberGenerator.GetInt32(1000, 9999);
        for (var i = 0; i < count; i++)
        {
            var phone = UnknownNumber();
            var created = await http.PostAsJsonAsync("/api/people", new
            {
                name = $"Desk Bench {run}-{i:D3}",
                kind = "patient",
                accessibility = new { hardOfHearing = true, lowVision = false, needsVideo = false, needsCaregiverPresent = false },
                phones = new[] { new { number = phone, type = "mobile" } },
            });
            await EnsureAsync(created, "create a caller");
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var device = await http.PostAsJsonAsync($"/api/people/{id}/devices", new
            {
                modelId,
                serialNumber = $"SN-DESKS-{run}-{i:D3}",
                purchaseDate = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddMonths(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            });
            await EnsureAsync(device, "register a caller's device");
            callers.Add(new Caller(id, phone));
        }

        return callers;
    }

    /// <summary>
    /// Callers already in the database (the people bench's seeded population, bench/people10m): one E.164 number a
    /// line; each is used once, so every call is its caller's first.
    /// </summary>
    public static List<Caller> ReadCallers(string path, int count)
    {
        var callers = File.ReadLines(path).Where(l => l.Length > 0).Take(count).Select(l => new Caller(Guid.Empty, l.Trim())).ToList();
        return callers.Count == count
            ? callers
            : throw new InvalidOperationException($"{path} holds {callers.Count} callers, {count} are needed.");
    }

    /// <summary>A mobile number nobody has: 134 is no prefix of CareDesk's demo people nor of the bench's seeded population.</summary>
    public static string UnknownNumber() => $"+86134{RandomNumberGenerator.GetInt32(10_000_000, 99_999_999)}";

    /// <summary>Posts a signed ringing event for the agent and returns when CareDesk accepted it.</summary>
    public async Task RingAsync(string callId, string from)
    {
        var body = JsonSerializer.Serialize(new
        {
            eventId = Guid.NewGuid().ToString("N"),
            callId,
            type = "ringing",
            from,
            to = "+864008001234",
            agent,
            at = TimeProvider.System.GetUtcNow(),
        });
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/telephony/events")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-CareDesk-Timestamp", timestamp);
        request.Headers.Add("X-CareDesk-Signature", "sha256=" + Convert.ToHexStringLower(signature));
        await EnsureAsync(await http.SendAsync(request), "post a ringing event");
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Could not {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public void Dispose() => http.Dispose();
}
