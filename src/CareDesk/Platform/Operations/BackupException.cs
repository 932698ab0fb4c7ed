namespace CareDesk.Platform.Operations;

/// <summary>A backup or restore that cannot be done as asked (a target that is not empty, a tool that failed); the message says why.</summary>
public sealed class BackupException(string message) : Exception(message);
