namespace CareDesk.Platform.Identity;

/// <summary>
/// Section <c>Bootstrap</c>: the first admin outside demo mode, from the environment
/// (<c>Bootstrap__AdminEmail</c>, <c>Bootstrap__AdminPassword</c>). Used only while no admin exists.
/// </summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }
}
