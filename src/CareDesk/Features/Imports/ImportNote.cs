namespace CareDesk.Features.Imports;

/// <summary>What else happened to a stored row, beyond its status: the <c>notes</c> of the report.</summary>
public static class ImportNote
{
    /// <summary>The model column named no catalog product (or several): no device was registered from the row.</summary>
    public const string ModelNotIdentified = "model_not_identified";

    /// <summary>A phone of the row belongs to someone else (another name, or the remark says whose): a caregiver relationship, not a merge.</summary>
    public const string FamilyPhone = "family_phone";

    /// <summary>A landline shared with another person of another name: kept on both, as a household's.</summary>
    public const string SharedLandline = "shared_landline";

    /// <summary>Merged on name and date of birth alone: in the duplicate-candidates queue for a supervisor.</summary>
    public const string ForReview = "for_review";

    /// <summary>The row's serial is already registered to this person: no second device.</summary>
    public const string DeviceKnown = "device_known";
}
