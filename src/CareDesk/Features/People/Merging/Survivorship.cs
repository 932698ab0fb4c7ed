namespace CareDesk.Features.People.Merging;

/// <summary>
/// Which of two people's own fields survive a merge, and which come back on an unmerge (docs/people-merge.md).
/// Facts (phones, addresses, devices…) are not chosen between: all of them move to the survivor.
/// </summary>
internal static class Survivorship
{
    public const int NotesMaxLength = 4000;

    /// <summary>
    /// The survivor's fields after the merge: a value the survivor lacks is taken from the merged person; where both
    /// have one, the one changed more recently (<see cref="PersonScalars.UpdatedAt"/>) wins, the survivor on a tie.
    /// Three exceptions lose nothing: languages are joined, accessibility needs are joined (a need either profile
    /// records is kept, for safety), and two different notes are both kept, the survivor's first.
    /// </summary>
    public static PersonScalars Merge(PersonScalars survivor, PersonScalars merged, DateTimeOffset now)
    {
        var mergedNewer = merged.UpdatedAt > survivor.UpdatedAt;
        string? Text(string? mine, string? theirs) =>
            string.IsNullOrWhiteSpace(mine) ? theirs : string.IsNullOrWhiteSpace(theirs) ? mine : mergedNewer ? theirs : mine;
        T? Value<T>(T? mine, T? theirs)
            where T : struct => mine is null ? theirs : theirs is null ? mine : mergedNewer ? theirs : mine;

        // The name is one fact: its parts come from whoever gave the name, or from the other when they wrote the same name.
        var (named, other) = mergedNewer ? (merged, survivor) : (survivor, merged);
        var sameName = string.Equals(named.DisplayName, other.DisplayName, StringComparison.Ordinal);
        return new PersonScalars
        {
            DisplayName = named.DisplayName,
            FamilyName = string.IsNullOrWhiteSpace(named.FamilyName) && sameName ? other.FamilyName : named.FamilyName,
            GivenName = string.IsNullOrWhiteSpace(named.GivenName) && sameName ? other.GivenName : named.GivenName,
            Kind = mergedNewer ? merged.Kind : survivor.Kind,
            DateOfBirth = Value(survivor.DateOfBirth, merged.DateOfBirth),
            Sex = survivor.Sex == Sex.Unknown ? merged.Sex : merged.Sex == Sex.Unknown ? survivor.Sex : mergedNewer ? merged.Sex : survivor.Sex,
            Languages = [.. survivor.Languages.Concat(merged.Languages).Distinct(StringComparer.OrdinalIgnoreCase)],
            TimeZone = Text(survivor.TimeZone, merged.TimeZone),
            Accessibility = new AccessibilityNeeds
            {
                HardOfHearing = survivor.Accessibility.HardOfHearing || merged.Accessibility.HardOfHearing,
                LowVision = survivor.Accessibility.LowVision || merged.Accessibility.LowVision,
                NeedsVideo = survivor.Accessibility.NeedsVideo || merged.Accessibility.NeedsVideo,
                NeedsCaregiverPresent = survivor.Accessibility.NeedsCaregiverPresent || merged.Accessibility.NeedsCaregiverPresent,
                Notes = Joined(survivor.Accessibility.Notes, merged.Accessibility.Notes, 1000),
            },
            PreferredChannel = Value(survivor.PreferredChannel, merged.PreferredChannel),
            PreferredHours = Text(survivor.PreferredHours, merged.PreferredHours),
            AssignedFieldRepId = Text(survivor.AssignedFieldRepId, merged.AssignedFieldRepId),
            Notes = Joined(survivor.Notes, merged.Notes, NotesMaxLength),
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// The survivor's fields after an unmerge: each field the merge left as it is now goes back to its value before the
    /// merge; a field changed since the merge keeps the later change (returned in <c>Kept</c>), since someone edited it
    /// knowing what they wrote.
    /// </summary>
    public static (PersonScalars Restored, IReadOnlyList<string> Kept) Unmerge(PersonScalars before, PersonScalars after, PersonScalars current)
    {
        var kept = new List<string>();
        T Field<T>(string name, T was, T merged, T now, Func<T, T, bool> same)
        {
            if (same(now, merged))
            {
                return was;
            }

            kept.Add(name);
            return now;
        }

        static bool Same<T>(T a, T b) => EqualityComparer<T>.Default.Equals(a, b);
        var restored = new PersonScalars
        {
            FamilyName = Field("familyName", before.FamilyName, after.FamilyName, current.FamilyName, Same),
            GivenName = Field("givenName", before.GivenName, after.GivenName, current.GivenName, Same),
            DisplayName = Field("name", before.DisplayName, after.DisplayName, current.DisplayName, Same),
            Kind = Field("kind", before.Kind, after.Kind, current.Kind, Same),
            DateOfBirth = Field("dateOfBirth", before.DateOfBirth, after.DateOfBirth, current.DateOfBirth, Same),
            Sex = Field("sex", before.Sex, after.Sex, current.Sex, Same),
            Languages = Field("languages", before.Languages, after.Languages, current.Languages, (a, b) => a.SequenceEqual(b, StringComparer.Ordinal)),
            TimeZone = Field("timeZone", before.TimeZone, after.TimeZone, current.TimeZone, Same),
            Accessibility = Field("accessibility", before.Accessibility, after.Accessibility, current.Accessibility, Same),
            PreferredChannel = Field("preferredChannel", before.PreferredChannel, after.PreferredChannel, current.PreferredChannel, Same),
            PreferredHours = Field("preferredHours", before.PreferredHours, after.PreferredHours, current.PreferredHours, Same),
            AssignedFieldRepId = Field("assignedFieldRepId", before.AssignedFieldRepId, after.AssignedFieldRepId, current.AssignedFieldRepId, Same),
            Notes = Field("notes", before.Notes, after.Notes, current.Notes, Same),
        };
        // Untouched since the merge: exactly as before, its "last changed" included (it feeds the next merge's rules).
        return (restored with { UpdatedAt = kept.Count == 0 ? before.UpdatedAt : current.UpdatedAt }, kept);
    }

    private static string? Joined(string? mine, string? theirs, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(theirs) || string.Equals(mine?.Trim(), theirs.Trim(), StringComparison.Ordinal))
        {
            return mine;
        }

        if (string.IsNullOrWhiteSpace(mine))
        {
            return theirs;
        }

        var joined = mine.TrimEnd() + "\n" + theirs.Trim();
        return joined.Length <= maxLength ? joined : joined[..maxLength];
    }
}
