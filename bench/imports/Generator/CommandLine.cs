namespace CareDesk.Bench.Imports;

/// <summary><c>--name value</c> pairs, and the usage text.</summary>
internal sealed class CommandLine(Dictionary<string, string> values)
{
    public static CommandLine Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument {args[i]}; options are --name value.");
            }

            values[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }

        return new CommandLine(values);
    }

    public string? Get(string name) => values.GetValueOrDefault(name);

    public string Require(string name) => Get(name) ?? throw new ArgumentException($"--{name} is required.");

    public int Int(string name, int fallback) => Get(name) is { } value ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) => Get(name) is { } value ? double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    public static int Usage()
    {
        Console.Error.WriteLine("""
            Usage:
              generate   --rows N --out FILE --truth FILE [--seed S] [--format csv|xlsx] [--encoding utf8-bom|gb18030|utf8] [--newline crlf|lf]
              evaluate   --truth FILE (--rows FILE | --api URL --import ID [--bearer TOKEN | --cookie COOKIE] [--save FILE]) [--min 0.995]
              self-check [--rows 10000] [--seed 15]
            See bench/imports/README.md.
            """);
        return 2;
    }
}
