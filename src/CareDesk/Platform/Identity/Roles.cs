namespace CareDesk.Platform.Identity;

/// <summary>The roles of PRODUCT.md (F31). A user may hold several.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Supervisor = "supervisor";
    public const string Agent = "agent";
    public const string OutsourcedAgent = "outsourced-agent";
    public const string Expert = "expert";
    public const string Quality = "quality";
    public const string FieldRep = "field-rep";

    public static readonly IReadOnlyList<string> All =
        [Admin, Supervisor, Agent, OutsourcedAgent, Expert, Quality, FieldRep];
}
