namespace CareDesk.Platform.Operations;

/// <summary>Section <c>Telemetry</c>. The exporter is off until an OTLP endpoint is configured.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>e.g. <c>http://collector:4317</c>; empty: traces and metrics are collected but not exported.</summary>
    public Uri? OtlpEndpoint { get; set; }
}
