namespace CareDesk.Features.Outreach;

public enum RecallStatus
{
    Draft,
    Running,
    Closed,
}
