using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CareDesk.IntegrationTests.Infrastructure;

/// <summary>Reads an error answer and checks what every one must have: the status, problem+json, a trace id.</summary>
public sealed class Problem
{
    private Problem(JsonElement body) => Body = body;

    public JsonElement Body { get; }

    public string? Title => Text("title");

    public string? Detail => Text("detail");

    public static async Task<Problem> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonSerializer.Deserialize<JsonElement>(text);
        Assert.Equal((int)expected, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("traceId").GetString()));
        return new Problem(body);
    }

    /// <summary>The messages for one field of a validation problem; fails when the field is not named.</summary>
    public IReadOnlyList<string> Errors(string field)
    {
        var messages = default(JsonElement);
        Assert.True(
            Body.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out messages),
            $"errors.{field} missing in {Body}");
        var list = messages.EnumerateArray().Select(m => m.GetString() ?? "").ToList();
        Assert.NotEmpty(list);
        Assert.All(list, message => Assert.False(string.IsNullOrWhiteSpace(message)));
        return list;
    }

    public IReadOnlyList<string> FieldsInError() =>
        Body.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateObject().Select(e => e.Name)] : [];

    private string? Text(string name) => Body.TryGetProperty(name, out var value) ? value.GetString() : null;
}

internal static class ProblemExtensions
{
    public static Task<Problem> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected) =>
        Problem.ReadAsync(response, expected);
}

/// <summary>JSON as the API writes it, for reading answers back.</summary>
internal static class ApiJson
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, JsonSerializerOptions.Web)!;
    }

    public static StringContent Raw(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, Raw(json));

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string path, T body) =>
        client.PostAsJsonAsync(path, body);
}
