namespace CareDesk.Features.Imports;

public enum ImportStatus
{
    /// <summary>Stored, waiting for the background job.</summary>
    Queued,
    Running,
    Completed,

    /// <summary>Stopped by an error that is not a row's (a file gone from storage): <see cref="ImportRun.FailureReason"/> says which.</summary>
    Failed,
}
