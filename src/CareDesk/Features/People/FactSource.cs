
namespace CareDesk.Features.People;

/// <summary>Where a fact about a person came from (F2).</summary>
public enum FactSource
{
    Distributor,
    Dealer,
    FieldRep,
    Person,
    Agent,
    Import,
}
