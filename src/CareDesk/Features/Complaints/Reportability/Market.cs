namespace CareDesk.Features.Complaints.Reportability;

public enum Market
{
    US,
    EU,
    CN,
}
