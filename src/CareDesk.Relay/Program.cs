namespace CareDesk.Relay;

// Not top-level statements: .NET 10 makes those a public global Program, which would clash with CareDesk.Host's
// Program in a test project that starts both.
internal static class Program
{
    public static async Task Main(string[] args) => await RelayApp.Create(args).RunAsync();
}
