namespace CareDesk.Bench.Imports;

internal static class SelfCheck
{
    public static int Run(CommandLine options) => 0;
}
