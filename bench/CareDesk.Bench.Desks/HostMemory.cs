using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CareDesk.Bench.Desks;

/// <summary>
/// The host's memory, two ways: the live managed heap after a full garbage collection (a <c>dotnet-gcdump</c> forces one
/// and counts every object still reachable), and the process's resident set (<c>VmRSS</c>), which also holds what the
/// GC keeps committed, native buffers and code. Each sample keeps its heap report, to diff what the desks added.
/// </summary>
internal sealed partial class HostMemory(int pid, string gcdump, string outDirectory)
{
    // Types whose instance count says how many circuits the host holds (connected or retained after a disconnect).
    private const string CircuitType = "Microsoft.AspNetCore.Components.Server.Circuits.CircuitHost";

    public sealed record Sample(string Label, double HeapMb, double RssMb, long Circuits, string Report)
    {
        public string PerDesk(Sample empty, int desks) =>
            $"heap {(HeapMb - empty.HeapMb) / desks:F2} MB, RSS {(RssMb - empty.RssMb) / desks:F2} MB";

        public override string ToString() =>
            $"{Label}: live heap {HeapMb:F1} MB, RSS {RssMb:F1} MB, circuits {Circuits} (heap report {Path.GetFileName(Report)})";
    }

    public async Task<Sample> MeasureAsync(string label)
    {
        var name = Regex.Replace(label, "[^a-z0-9]+", "-");
        var dump = Path.Combine(outDirectory, $"heap-{name}.gcdump");
        var report = Path.Combine(outDirectory, $"heap-{name}.txt");
        File.Delete(dump);
        await RunAsync(gcdump, $"collect -p {pid} -o {dump}");
        // The RSS right after the collection the dump forced, so both figures describe the same moment.
        var rss = ResidentMb();
        var text = await RunAsync(gcdump, $"report {dump}");
        await File.WriteAllTextAsync(report, text);
        var (bytes, circuits) = Parse(text);
        var sample = new Sample(label, bytes / 1048576.0, rss, circuits, report);
        Console.WriteLine(sample);
        return sample;
    }

    private double ResidentMb()
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    // A report line: "   1,234,567   GC Heap bytes  Total" then "     12,345        67  Type name (Bytes > 10K) [assembly]".
    private static (long Bytes, long Circuits) Parse(string report)
    {
        long total = 0, circuits = 0;
        foreach (var line in report.Split('\n'))
        {
            var match = ReportLine().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var size = long.Parse(match.Groups["size"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            var rest = match.Groups["rest"].Value.Trim();
            if (rest.StartsWith("GC Heap bytes", StringComparison.Ordinal))
            {
                total = size;
            }
            else if (rest.Contains(CircuitType + " ", StringComparison.Ordinal) || rest.EndsWith(CircuitType, StringComparison.Ordinal))
            {
                var count = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                circuits += long.Parse(count, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            }
        }

        return (total, circuits);
    }

    private static async Task<string> RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"Could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited {process.ExitCode}: {await output}{await error}");
        }

        return await output;
    }

    [GeneratedRegex(@"^\s*(?<size>[0-9][0-9,]*)\s+(?<rest>.+)$")]
    private static partial Regex ReportLine();
}
