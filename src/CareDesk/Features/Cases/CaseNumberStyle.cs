namespace CareDesk.Features.Cases;

public enum CaseNumberStyle
{
    Letters,
    Digits,
}
