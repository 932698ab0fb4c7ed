namespace CareDesk.Features.Outreach;

/// <summary>Who received a person's data (the disclosure ledger).</summary>
public enum RecipientKind
{
    ServicePartner,
    Distributor,
    ServiceLocation,
    CallCenterVendor,
    Other,
}
