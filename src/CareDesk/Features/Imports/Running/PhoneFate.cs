namespace CareDesk.Features.Imports.Running;

/// <summary>What to do with a phone of a row, once its person is decided.</summary>
public enum PhoneFate
{
    /// <summary>Already this person's.</summary>
    Known,

    /// <summary>Added as this person's own number.</summary>
    Own,

    /// <summary>Someone else's (another name, or the remark says whose): that person becomes this one's caregiver; the number is not added.</summary>
    Caregiver,

    /// <summary>The remark says it is a family member's and no one of it is known yet: kept as a family number.</summary>
    Family,

    /// <summary>A landline another person of another name also has: kept on both, as a household's.</summary>
    SharedLandline,
}
