using System.Text.Json;
using CareDesk.IntegrationTests.Infrastructure;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>Log shipping (docs/operations.md): <c>Logging:Format=json</c> with <c>Logging:File</c> writes one JSON event a line to a daily file.</summary>
// Serilog's request log goes to the static logger of the last host built: this host must be the only one.
[Collection(SerilogCaptureCollection.Name)]
public sealed class JsonLogTests(JsonLogTests.JsonLogHost app) : IClassFixture<JsonLogTests.JsonLogHost>
{
    public sealed class JsonLogHost : CareDeskFactory
    {
        public string Directory { get; } = Path.Combine(Path.GetTempPath(), $"caredesk-logs-{Guid.NewGuid():N}");

        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Logging:Format"] = "json",
            ["Logging:File"] = Path.Combine(Directory, "caredesk-.json"),
        };

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (System.IO.Directory.Exists(Directory))
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Every_line_of_the_log_file_is_a_json_event_and_requests_are_logged_with_their_path()
    {
        (await app.CreateClient().GetAsync("/health/live?who=a-caller")).EnsureSuccessStatusCode();

        var lines = new List<string>();
        await Eventually.HoldsAsync(
            async () =>
            {
                lines = await ReadLinesAsync();
                return lines.Any(line => line.Contains("\"RequestPath\":\"/health/live\"", StringComparison.Ordinal));
            },
            TimeSpan.FromSeconds(30),
            "the request to /health/live is in the log file");

        foreach (var line in lines)
        {
            using var parsed = JsonDocument.Parse(line);
            Assert.True(parsed.RootElement.TryGetProperty("@t", out _), line);
            Assert.True(parsed.RootElement.TryGetProperty("@m", out _), line);
        }

        // The query string may carry personal data: never logged.
        Assert.DoesNotContain(lines, line => line.Contains("a-caller", StringComparison.Ordinal));
    }

    private async Task<List<string>> ReadLinesAsync()
    {
        var file = System.IO.Directory.Exists(app.Directory) ? System.IO.Directory.GetFiles(app.Directory, "caredesk-*.json").SingleOrDefault() : null;
        if (file is null)
        {
            return [];
        }

        // The host keeps the file open for writing.
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return [.. (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }
}
