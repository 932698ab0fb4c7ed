namespace CareDesk.Relay.Tests.Infrastructure;

/// <summary>
/// A SQLite file CareDesk has migrated and seeded once; each test starts its host on a copy, so a test pays for a start,
/// not for ten migrations and the demo seed (seconds each on a busy machine).
/// </summary>
public sealed class MigratedDatabase : IAsyncLifetime
{
    private readonly string template = Path.Combine(Path.GetTempPath(), $"caredesk-relay-template-{Guid.NewGuid():N}.db");

    public async Task InitializeAsync()
    {
        var host = CareDeskHost.Start(FreePort.Pick(), template, new WebhookRecorder());
        await host.DisposeAsync();
    }

    /// <summary>A fresh copy of the migrated database at <paramref name="path"/>.</summary>
    public void CopyTo(string path)
    {
        File.Copy(template, path);
        if (File.Exists(template + "-wal"))
        {
            File.Copy(template + "-wal", path + "-wal");
        }
    }

    public Task DisposeAsync()
    {
        foreach (var file in new[] { template, template + "-wal", template + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }
}
