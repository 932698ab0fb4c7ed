namespace CareDesk.IntegrationTests.Infrastructure;

/// <summary>
/// Tests that capture what a host logs run alone, after every other class. The host's Serilog logger is the static
/// <c>Log.Logger</c> (AddSerilog without preserveStaticLogger), so the last host built in the process receives every
/// host's events: a capture is only trustworthy while its host is the only one.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerilogCaptureCollection
{
    public const string Name = "Serilog capture";
}
