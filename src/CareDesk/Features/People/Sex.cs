namespace CareDesk.Features.People;

public enum Sex
{
    Unknown,
    Female,
    Male,
    Other,
}
