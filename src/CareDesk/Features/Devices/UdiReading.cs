namespace CareDesk.Features.Devices;

/// <summary>What reading a UDI gave: the UDI, or the problem and the part it was found in (a GS1 AI, say).</summary>
public sealed record UdiReading(Udi? Udi, UdiProblem? Problem, string? At)
{
    public static UdiReading Ok(Udi udi) => new(udi, null, null);

    public static UdiReading Fail(UdiProblem problem, string? at = null) => new(null, problem, at);
}
