namespace CareDesk.Bench.Imports;

internal static class EvaluateCommand
{
    public static Task<int> RunAsync(CommandLine options) => Task.FromResult(0);
}
