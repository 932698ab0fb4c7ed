namespace CareDesk.IntegrationTests.Infrastructure;

/// <summary>
/// A test class whose every test gets a host, database and clock of its own, started before the test and dropped
/// after it: for tests that move the clock, so no test runs on another's time or sees another's timers fire.
/// </summary>
public abstract class HostPerTest<THost> : IAsyncLifetime
    where THost : CareDeskFactory, new()
{
    protected THost App { get; } = new() { OwnedByOneTest = true };

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}
