namespace CareDesk.Platform.Operations;

/// <summary>
/// A directory of files a feature keeps outside the database (call recordings), which backup copies after the
/// database and restore puts back. A feature registers one as a singleton; <paramref name="Name"/> is its folder in a
/// backup.
/// </summary>
public sealed record BackedUpDirectory(string Name, Func<IServiceProvider, string> PathOf);
