namespace CareDesk.Features.Outreach;

public enum CampaignStatus
{
    Draft,
    Running,
    Paused,
    Ended,
}
