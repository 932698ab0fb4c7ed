using System.Globalization;
using System.Text.RegularExpressions;

namespace CareDesk.Bench.Desks;

/// <summary>
/// The host's own measurement of each screen pop's fan-out (Platform/Live/UserChannel logs it at Debug): read from its
/// console log, from where the log ended when this was created, so one instance covers one series of calls.
/// </summary>
internal sealed partial class ServerFanOut(string hostLog)
{
    private readonly long start = new FileInfo(hostLog).Length;

    /// <summary>Milliseconds of every screen pop that reached at least <paramref name="desktops"/> desktops since then (the warm-up desk's circuit may still be held).</summary>
    public List<double> Read(int desktops)
    {
        using var stream = new FileStream(hostLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(start, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        var values = new List<double>();
        while (reader.ReadLine() is { } line)
        {
            if (Line().Match(line) is { Success: true } match
                && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) >= desktops)
            {
                values.Add(double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
            }
        }

        return values;
    }

    [GeneratedRegex(@"Live ScreenPopRequest rendered on (\d+) desktops in ([0-9.]+) ms")]
    private static partial Regex Line();
}
