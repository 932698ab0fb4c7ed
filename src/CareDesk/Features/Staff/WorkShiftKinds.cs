namespace CareDesk.Features.Staff;

public static class WorkShiftKinds
{
    public const string Day = "day";
    public const string Night = "night";
    public const string Custom = "custom";
}
