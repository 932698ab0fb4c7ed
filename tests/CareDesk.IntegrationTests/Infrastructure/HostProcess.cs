using System.Diagnostics;

namespace CareDesk.IntegrationTests.Infrastructure;

/// <summary>
/// The built host and the repository's scripts run as an operator runs them (docs/operations.md): a process of their
/// own, settings in the environment.
/// </summary>
public static class HostProcess
{
    public sealed record Outcome(int ExitCode, string Output);

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The directory of the host this test run built (its runtimeconfig sits beside the tests' copy of it).</summary>
    public static string HostDirectory => Path.GetDirectoryName(typeof(Program).Assembly.Location)!;

    /// <summary>The settings that point a process at <paramref name="database"/>, as an environment file would.</summary>
    public static Dictionary<string, string> SettingsFor(TestDatabase database, string recordings) => new()
    {
        ["Database__Provider"] = database.Provider.ToString(),
        ["Database__ConnectionString"] = database.ConnectionString,
        ["Contacts__RecordingsDirectory"] = recordings,
        ["Telephony__WebhookSecret"] = "host-process-test-secret",
        ["CAREDESK_HOST"] = HostDirectory,
    };

    public static Task<Outcome> RunHostAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment) =>
        RunAsync("dotnet", [Path.Combine(HostDirectory, "CareDesk.Host.dll"), .. args], environment);

    public static Task<Outcome> RunScriptAsync(string script, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment) =>
        RunAsync("bash", [Path.Combine(RepositoryRoot, "scripts", script), .. args], environment);

    private static async Task<Outcome> RunAsync(string program, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The test's own settings (its database choice) must not leak into the process: only what the test gives it.
        foreach (var key in start.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal) || k.StartsWith("CAREDESK_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Outcome(process.ExitCode, await output + await errors);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CareDesk.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No CareDesk.slnx above {AppContext.BaseDirectory}.");
    }
}
